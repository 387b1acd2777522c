/// Turns a scan into a Report: the line table, and the front matter ending where the first
/// section starts.
enum ReportAssembler {
    static func assemble(text: String, scan: ScanResult) -> Report {
        let byteCount = scan.byteCount
        let lines = LineTable(starts: scan.lineStarts, byteCount: byteCount)
        let frontEnd = scan.sections.first?.ownRange.lowerBound ?? byteCount
        let headerEnd = min(scan.front.headerEnd, frontEnd)
        let preambleStart = headerEnd < frontEnd && headerEnd > 0 ? min(headerEnd + 1, frontEnd) : headerEnd
        return Report(
            text: text, lines: lines, title: scan.front.title, metadata: scan.front.metadata,
            frontRange: 0..<frontEnd, preambleStart: preambleStart, sections: scan.sections, roots: scan.roots,
            warnings: scan.warnings)
    }
}
