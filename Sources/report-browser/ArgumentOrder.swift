import FoundationEssentials

/// `show FILE 3.2` is an easy slip: the address comes first. When the "file" does not exist but
/// the "address" is a file, say which order was meant instead of "3.2: no such file".
enum ArgumentOrder {
    static func swappedHint(subcommand: String, first: String, second: String?) -> String? {
        guard let second, second != "-" else { return nil }
        let files = FileManager.default
        var isDirectory = false
        guard !files.fileExists(atPath: second),
              files.fileExists(atPath: first, isDirectory: &isDirectory), !isDirectory
        else { return nil }
        return "\(second): no such file; the address comes first: report-browser \(subcommand) \(second) \(first)"
    }
}
