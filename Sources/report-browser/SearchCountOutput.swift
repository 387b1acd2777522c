import ReportUI

/// The lines of `search --count` (`file:N`, as `grep -c` and `rg -c`) and
/// `--files-with-matches` (paths alone).
enum SearchCountOutput {
    static func printLines(_ counts: [(file: String, sections: Int)], pathsOnly: Bool, showFile: Bool) {
        // A path is text from the disk: made visible on a terminal like the rest of the output.
        let terminal = StandardStreams.outputIsTerminal
        // Bytes, not a String grown line by line: ten thousand lines for a library, written
        // a chunk at a time, since the pages of one buffer for all of them cost more to touch
        // than a few more writes.
        let chunk = 1 << 16
        var output: [UInt8] = []
        output.reserveCapacity(chunk + 4096)
        for entry in counts {
            if output.count >= chunk {
                StandardStreams.output(bytes: output)
                output.removeAll(keepingCapacity: true)
            }
            if pathsOnly || showFile {
                if terminal {
                    output += VisibleText.sanitize(entry.file).utf8
                } else {
                    output += entry.file.utf8
                }
            }
            if !pathsOnly {
                if showFile { output.append(UInt8(ascii: ":")) }
                appendDecimal(entry.sections, to: &output)
            }
            output.append(UInt8(ascii: "\n"))
        }
        StandardStreams.output(bytes: output)
    }

    private static func appendDecimal(_ value: Int, to output: inout [UInt8]) {
        if value < 0 { output.append(UInt8(ascii: "-")) }
        let start = output.count
        var rest = value.magnitude
        repeat {
            output.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        output[start...].reverse()
    }
}
