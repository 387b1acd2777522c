import ReportUI

/// The lines of `search --count` (`file:N`, as `grep -c` and `rg -c`) and
/// `--files-with-matches` (paths alone).
enum SearchCountOutput {
    static func printLines(_ counts: [(file: String, sections: Int)], pathsOnly: Bool, showFile: Bool) {
        // A path is text from the disk: made visible on a terminal like the rest of the output.
        let terminal = StandardStreams.outputIsTerminal
        var output = ""
        for entry in counts {
            let file = terminal ? VisibleText.sanitize(entry.file) : entry.file
            if pathsOnly {
                output += file + "\n"
            } else {
                output += showFile ? "\(file):\(entry.sections)\n" : "\(entry.sections)\n"
            }
        }
        StandardStreams.output(output, raw: true)
    }
}
