import Foundation
import ReportTestSupport
import Testing
@testable import ReportKit

/// Precision and recall of value + unit, and subject accuracy, against hand-labelled figures of
/// the bundled report and of samples from the real corpus (Tests/Figures/*.json).
@Suite struct FigureAccuracyTests {
    struct Label: Decodable {
        let line: Int
        let text: String
        let value: String
        let unit: String
        let subject: String
    }

    struct Fixture: Decodable {
        let name: String
        let path: String
        /// Inclusive line ranges that were labelled completely.
        let lines: [[Int]]
        let figures: [Label]
    }

    struct Score: CustomStringConvertible {
        var extracted = 0
        var labelled = 0
        var matched = 0
        var subjectsRight = 0
        var misses: [String] = []

        var precision: Double { extracted == 0 ? 1 : Double(matched) / Double(extracted) }
        var recall: Double { labelled == 0 ? 1 : Double(matched) / Double(labelled) }
        var subjectAccuracy: Double { matched == 0 ? 1 : Double(subjectsRight) / Double(matched) }

        static func + (left: Score, right: Score) -> Score {
            Score(
                extracted: left.extracted + right.extracted, labelled: left.labelled + right.labelled,
                matched: left.matched + right.matched, subjectsRight: left.subjectsRight + right.subjectsRight,
                misses: left.misses + right.misses)
        }

        var description: String {
            String(
                format: "precision %.3f (%d/%d)  recall %.3f (%d/%d)  subject %.3f (%d/%d)",
                precision, matched, extracted, recall, matched, labelled, subjectAccuracy, subjectsRight, matched)
        }
    }

    static let fixtureNames = ["seed", "gwr2024", "xian-tjgb2025", "xuancheng-budget2025", "geshui2018", "xian-tjgb2025-heldout"]

    static func fixture(_ name: String) throws -> Fixture {
        let url = TestPaths.repositoryRoot.appendingPathComponent("Tests/Figures/\(name).json")
        return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }

    static func normalized(_ text: String) -> String {
        text.precomposedStringWithCompatibilityMapping.filter { !$0.isWhitespace }
    }

    /// Subjects are judged leniently on wording, strictly on substance: equal, or one contains
    /// the other and covers at least half of it (`按时处置率` for `“双随机”掌上执法率、按时处置率`).
    static func subjectMatches(_ found: String, _ expected: String) -> Bool {
        let found = normalized(found)
        let expected = normalized(expected)
        if found == expected { return true }
        guard !found.isEmpty, !expected.isEmpty else { return false }
        let (short, long) = found.count <= expected.count ? (found, expected) : (expected, found)
        return long.contains(short) && Double(short.count) / Double(long.count) >= 0.5
    }

    static func score(_ fixture: Fixture) throws -> Score {
        let url = TestPaths.repositoryRoot.appendingPathComponent(fixture.path)
        let report = ReportParser.parse(try TestPaths.text(url))
        let inSample = { (line: Int) in fixture.lines.contains { $0[0] <= line && line <= $0[1] } }
        let figures = FigureExtractor.extract(from: report).figures.filter { inSample($0.line) }
        var unmatched = fixture.figures
        var score = Score(extracted: figures.count, labelled: fixture.figures.count)
        for figure in figures {
            let index = unmatched.firstIndex { label in
                label.line == figure.line && Decimal(string: label.value) == figure.value && label.unit == figure.unit
            }
            guard let index else {
                score.misses.append("\(fixture.name): extra   line \(figure.line) \(figure.text) = \(figure.value) \(figure.unit) [\(figure.subject)]")
                continue
            }
            let label = unmatched.remove(at: index)
            score.matched += 1
            if subjectMatches(figure.subject, label.subject) {
                score.subjectsRight += 1
            } else {
                score.misses.append("\(fixture.name): subject line \(figure.line) \(figure.text): got [\(figure.subject)] want [\(label.subject)]")
            }
        }
        for label in unmatched {
            score.misses.append("\(fixture.name): missed  line \(label.line) \(label.text) = \(label.value) \(label.unit)")
        }
        return score
    }

    @Test func meetsTheAccuracyTargetsOnTheLabelledSet() throws {
        var total = Score()
        for name in Self.fixtureNames {
            let score = try Self.score(Self.fixture(name))
            print("figures \(name): \(score)")
            total = total + score
        }
        print("figures overall: \(total)")
        for miss in total.misses { print("  " + miss) }
        #expect(total.precision >= 0.95, "\(total)")
        #expect(total.recall >= 0.90, "\(total)")
        #expect(total.subjectAccuracy >= 0.80, "\(total)")
    }

    @Test(arguments: fixtureNames) func eachFixtureIsUsable(name: String) throws {
        let fixture = try Self.fixture(name)
        let score = try Self.score(fixture)
        // Every document on its own stays near the targets, so one genre cannot hide another.
        #expect(score.precision >= 0.90, "\(name): \(score)")
        #expect(score.recall >= 0.85, "\(name): \(score)")
    }

    @Test func everyLabelQuotesItsLine() throws {
        for name in Self.fixtureNames {
            let fixture = try Self.fixture(name)
            let lines = try TestPaths.text(TestPaths.repositoryRoot.appendingPathComponent(fixture.path))
                .split(separator: "\n", omittingEmptySubsequences: false)
            for label in fixture.figures {
                let firstLine = label.text.split(separator: "\n").first.map(String.init) ?? label.text
                #expect(lines[label.line - 1].contains(firstLine), "\(name) line \(label.line): \(label.text)")
            }
        }
    }
}
