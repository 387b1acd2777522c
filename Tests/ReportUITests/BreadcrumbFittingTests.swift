import ReportKit
import Testing

@testable import ReportUI

/// The status line's breadcrumb gives ancestors back the room their markers leave.
@Suite struct BreadcrumbFittingTests {
    let report = BrowserFixtures.seed
    let separator = " › "

    var section: Int {
        report.sections.firstIndex { $0.heading.hasPrefix("创新改革举措") }!
    }

    func fitted(_ width: Int) -> String {
        SectionLabels.breadcrumb(of: .section(section), in: report, separator: separator, fittingWidth: width)
    }

    @Test func aBreadcrumbThatFitsIsWhole() {
        let full = SectionLabels.breadcrumb(of: .section(section), in: report, separator: separator)
        #expect(fitted(DisplayWidth.of(full)) == full)
    }

    @Test func spareRoomShowsTheAncestorsFirstWords() throws {
        let info = report.sections[section]
        let parent = try #require(info.parent)
        let own = SectionLabels.heading(of: info)
        let markers = report.sections[parent].marker + separator + own
        let full = SectionLabels.breadcrumb(of: .section(section), in: report, separator: separator)
        let width = DisplayWidth.of(full) - 1
        let line = fitted(width)
        #expect(DisplayWidth.of(line) <= width, "\(line)")
        #expect(line.hasSuffix(separator + own), "\(line)")
        #expect(DisplayWidth.of(line) > DisplayWidth.of(markers), "the spare cells are used: \(line)")
        #expect(line.hasPrefix(report.sections[parent].marker + "主要"), "\(line)")
        #expect(line.contains("…" + separator), "\(line)")
        // Room for no more than an ellipsis: the marker alone, not `一、…`.
        #expect(fitted(DisplayWidth.of(markers) + 2) == markers)
        // Too narrow even for the markers: the shortest form, for the caller to clip.
        #expect(fitted(10) == markers)
    }
}
