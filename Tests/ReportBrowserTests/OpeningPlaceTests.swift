import ArgumentParser
import ReportKit
import ReportUI
import Testing

@testable import report_browser

@Suite struct OpeningPlaceTests {
    let report = ReportParser.parse(String(decoding: BundledReport.bytes, as: UTF8.self))

    @Test func placesAreReadFromEitherSideOfTheFile() throws {
        #expect(try OpeningPlace.split(file: "r.txt", extra: "+3.2", line: nil) == ("r.txt", .address("3.2")))
        #expect(try OpeningPlace.split(file: "+3.2", extra: "r.txt", line: nil) == ("r.txt", .address("3.2")))
        #expect(try OpeningPlace.split(file: "+/信用修复", extra: nil, line: nil) == (nil, .search("信用修复")))
        #expect(try OpeningPlace.split(file: "r.txt", extra: "+L120", line: nil) == ("r.txt", .line(120)))
        #expect(try OpeningPlace.split(file: "r.txt", extra: nil, line: 7) == ("r.txt", .line(7)))
        #expect(try OpeningPlace.split(file: "r.txt", extra: nil, line: nil) == ("r.txt", nil))
    }

    @Test func unclearPlacesAreUsageErrors() {
        #expect(throws: ValidationError.self) { try OpeningPlace.split(file: "a.txt", extra: "b.txt", line: nil) }
        #expect(throws: ValidationError.self) { try OpeningPlace.split(file: "+1", extra: "+2", line: nil) }
        #expect(throws: ValidationError.self) { try OpeningPlace.split(file: "r.txt", extra: "+3", line: 4) }
        #expect(throws: ValidationError.self) { try OpeningPlace.split(file: "r.txt", extra: "+", line: nil) }
        #expect(throws: ValidationError.self) { try OpeningPlace.split(file: "r.txt", extra: "+/ ", line: nil) }
        #expect(throws: ValidationError.self) { try OpeningPlace.split(file: "r.txt", extra: nil, line: 0) }
    }

    @Test func anchorsPointAtTheSectionAndLine() throws {
        let section = try OpeningPlace.address("3.2").anchor(in: report).get()
        #expect(section.row == .section(report.sections.firstIndex { $0.address == "3.2" }!))
        let line = try OpeningPlace.line(20).anchor(in: report).get()
        #expect(report.lines.line(at: line.offset) == 20)
        #expect(report.sections[line.row.sectionIndex!].address == "4.2")
        let hit = try OpeningPlace.search("信用修复").anchor(in: report).get()
        #expect(report.sections[hit.row.sectionIndex!].address == "1.2")
        #expect(report.lines.line(at: hit.offset) == 6)
        let title = try OpeningPlace.line(1).anchor(in: report).get()
        #expect(title.row == .title)
    }

    @Test func missingPlacesSayWhy() {
        func reason(_ place: OpeningPlace) -> String? {
            if case .failure(let error) = place.anchor(in: report) { return error.description }
            return nil
        }
        #expect(reason(.line(9999))?.contains("past the end") == true)
        #expect(reason(.search("没有这个词")) == "“没有这个词” not found")
        #expect(reason(.address("9.9")) != nil)
    }

    @Test func theStoreKeepsEverythingButThePlace() {
        let inner = MemoryStore(RememberedReading(
            place: TextAnchor(row: .title, offset: 0), marks: ["a": TextAnchor(row: .section(1), offset: 5)], searchHistory: ["x"]))
        let place = TextAnchor(row: .section(3), offset: 42)
        let store = OpeningPlaceStore(inner: inner, place: place)
        let loaded = store.load().reading
        #expect(loaded?.place == place)
        #expect(loaded?.marks == inner.reading.marks)
        #expect(loaded?.searchHistory == ["x"])
        #expect(OpeningPlaceStore(inner: nil, place: place).load().reading?.place == place)
        _ = store.save(RememberedReading(place: place))
        #expect(inner.reading.place == place)
    }
}

private final class MemoryStore: ReadingStateStore {
    var reading: RememberedReading
    init(_ reading: RememberedReading) { self.reading = reading }
    func load() -> (reading: RememberedReading?, notices: [String]) { (reading, []) }
    func save(_ reading: RememberedReading) -> [String] {
        self.reading = reading
        return []
    }
}
