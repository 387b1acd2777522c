import ArgumentParser
import Foundation

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a large, realistic report built from the bundled report's sentences.",
        discussion: """
            The output depends only on the size: the same size gives the same bytes every time, \
            and a smaller report is a prefix of a larger one. The file ends at the first line end \
            at or past the size (1 MB = 1,048,576 bytes). Prints counts as JSON on stdout.
            """
    )

    @Option(help: ArgumentHelp("Size in MB (MiB, 1,048,576 bytes); fractions allowed.", valueName: "n"))
    var sizeMb: Double

    @Option(help: ArgumentHelp("The file to write (replaced if it exists).", valueName: "file"))
    var output: String

    func validate() throws {
        guard sizeMb > 0, sizeMb <= 4096 else { throw ValidationError("--size-mb must be in (0, 4096]") }
    }

    func run() throws {
        guard FileManager.default.createFile(atPath: output, contents: nil),
            let handle = FileHandle(forWritingAtPath: output)
        else {
            throw ValidationError("cannot write \(output)")
        }
        defer { try? handle.close() }
        var generator = ReportGenerator(targetBytes: Int(sizeMb * 1_048_576))
        try generator.run { bytes in try handle.write(contentsOf: Data(bytes)) }
        print(try BenchJSON.string(generator.statistics))
    }
}
