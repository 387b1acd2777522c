import ReportKit

@testable import ReportUI

/// A library held in memory: entries with their reports (nil: unreadable), searched by
/// scanning each report as the real catalog does without an index.
final class MemoryLibraryCatalog: LibraryCatalog {
    let entries: [LibraryEntry]
    let reports: [Report?]
    let listingNote = "in memory"
    private(set) var opened: [Int] = []
    private(set) var searches = 0

    init(_ members: [(path: String, text: String?)]) {
        var entries: [LibraryEntry] = []
        var reports: [Report?] = []
        for member in members {
            let folder = member.path.split(separator: "/").dropLast().joined(separator: "/")
            guard let text = member.text else {
                entries.append(LibraryEntry(path: member.path, folder: folder, title: member.path, date: "", issuer: "", failure: "not a report: binary data"))
                reports.append(nil)
                continue
            }
            let report = ReportParser.parse(text)
            func value(_ key: String) -> String { report.metadata.first { $0.key == key }?.value ?? "" }
            entries.append(LibraryEntry(
                path: member.path, folder: folder.isEmpty ? "." : folder,
                title: report.title.isEmpty ? String(member.path.split(separator: "/").last!) : report.title,
                date: value("发布日期"), issuer: value("信息来源"), failure: nil))
            reports.append(report)
        }
        self.entries = entries
        self.reports = reports
    }

    func open(_ entry: Int) -> Result<OpenedLibraryReport, LibraryOpenFailure> {
        opened.append(entry)
        guard let report = reports[entry] else { return .failure(LibraryOpenFailure(reason: "not a report: binary data")) }
        return .success(OpenedLibraryReport(report: report, origin: nil, store: nil))
    }

    func search(_ query: SearchQuery) -> LibrarySearchOutcome {
        searches += 1
        var found: [LibraryReportHits] = []
        for (entry, report) in reports.enumerated() {
            guard let report, let results = try? SearchIndex(report: report).search(query), !results.isEmpty else { continue }
            found.append(LibraryReportHits(entry: entry, sections: results.sections.map { match in
                let address = match.section.map { report.sections[$0].address } ?? LibrarySectionHits.frontMatter
                let heading = match.section.map { SectionLabels.heading(of: report.sections[$0]) } ?? report.title
                return LibrarySectionHits(address: address, heading: heading, count: match.count)
            }))
        }
        return LibrarySearchOutcome(query: query, reports: found)
    }

    /// Three reports in two folders and a file that cannot be read.
    static func sample() -> MemoryLibraryCatalog {
        MemoryLibraryCatalog([
            ("reports/2022/上城.txt", """
                上城区2022年法治政府建设情况报告
                发布日期:2023-03-10 10:00 信息来源:上城区司法局
                一、主要工作
                (一)推进信用修复。全年完成信用修复120件。
                (二)加强执法监督。开展执法检查30次。
                二、下一步打算
                继续做好信用修复工作。
                """),
            ("reports/2022/拱墅.txt", """
                拱墅区2022年法治政府建设报告
                发布日期:2023年6月1日 信息来源:拱墅区人民政府
                一、主要举措
                (一)优化营商环境。出台政策5项。
                """),
            ("reports/2023/钱塘.txt", String(decoding: BrowserFixtures.seed.text.utf8, as: UTF8.self)),
            ("reports/2023/broken.bin", nil),
        ])
    }
}

/// A library session driven by key scripts, as `ScriptedSession` drives one report.
struct ScriptedLibrary {
    var session: LibrarySession
    let catalog: MemoryLibraryCatalog

    init(_ catalog: MemoryLibraryCatalog = .sample(), size: Size = Size(width: 100, height: 30)) {
        self.catalog = catalog
        session = LibrarySession(catalog: catalog, options: BrowserOptions(color: false), size: size)
    }

    var list: LibraryState { session.list }
    var frameLines: [String] { session.frame().screen.lines }
    var frameText: String { frameLines.joined(separator: "\n") }
    var statusLine: String { frameLines.last ?? "" }

    /// Types text: `\n` is Enter, other characters are themselves.
    @discardableResult
    mutating func type(_ text: String) -> Bool {
        for event in BrowserFixtures.keys(text) where !session.handle(event) { return false }
        return true
    }

    mutating func press(_ keys: Key...) {
        for key in keys { _ = session.handle(.key(key)) }
    }

    /// The titles of the report rows, in order.
    var reportTitles: [String] {
        list.rows.compactMap { row in if case .report(let entry) = row { list.entries[entry].title } else { nil } }
    }

    mutating func select(title: String) {
        guard let entry = list.entries.firstIndex(where: { $0.title == title }) else { return }
        press(.home)
        for _ in list.rows.indices where list.selectedRow != .report(entry) { press(.down) }
    }
}
