import Foundation
@testable import ReportIndex
import ReportKit
import Testing

@Suite struct LibraryTests {
    @Test func membersComeGroupedWithTheirMetadata() throws {
        let fixture = try LibraryFixture(reports: 6)
        defer { fixture.remove() }
        let unindexed = Library(paths: [fixture.library], indexPath: fixture.indexPath)
        #expect(unindexed.members.allSatisfy { $0.summary == nil })
        _ = try IndexUpdate.run(paths: [fixture.library], indexPath: fixture.indexPath) { _ in }
        let library = Library(paths: [fixture.library], indexPath: fixture.indexPath)
        #expect(library.byFolder.map(\.folder) == [fixture.library + "/2023", fixture.library + "/2024", fixture.library + "/2024/区县"])
        let first = try #require(library.members.first { $0.fileName == "report-0.txt" })
        #expect(first.summary == ReportSummary(title: "第0号关于法治政府建设情况的报告", date: "2024-01-10", issuer: "第0区人民政府"))
        #expect(first.summarised().summary == first.summary)
        #expect(try first.open().sections.isEmpty == false)
        let empty = try #require(library.members.first { $0.fileName == "empty.txt" })
        #expect(empty.summary?.title == "empty.txt")
        #expect(library.members.first { $0.fileName == "scan.bin" }?.failure?.contains("binary") == true)
        #expect(unindexed.members.first { $0.fileName == "report-3.txt" }?.summarised().summary?.issuer == "第3区人民政府")
    }
}
