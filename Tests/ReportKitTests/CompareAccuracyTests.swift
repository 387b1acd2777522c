import Foundation
import ReportKit
import ReportTestSupport
import Testing

/// Section-pair F1 of the aligner on the public pairs, against their hand-made alignments.
///
/// A pair is (old id, new id), either side possibly absent; an alignment's pairs are compared as
/// sets. `links` counts only pairs with both sides, `all` also the new/removed ones. Gold
/// `partial` links (secondary overlaps) are neither required nor counted against us.
@Suite struct CompareAccuracyTests {
    struct Score: CustomStringConvertible {
        let truePositives: Int
        let falsePositives: Int
        let falseNegatives: Int

        init(predicted: Set<Pair>, gold: Set<Pair>, tolerated: Set<Pair> = []) {
            truePositives = predicted.intersection(gold).count
            falsePositives = predicted.subtracting(gold).subtracting(tolerated).count
            falseNegatives = gold.subtracting(predicted).count
        }

        var f1: Double {
            let found = Double(truePositives)
            return found == 0 ? 0 : 2 * found / (2 * found + Double(falsePositives + falseNegatives))
        }

        var description: String {
            "F1 \((f1 * 1000).rounded() / 1000) (tp \(truePositives), fp \(falsePositives), fn \(falseNegatives))"
        }
    }

    struct Pair: Hashable {
        let old: String?
        let new: String?
        var isLink: Bool { old != nil && new != nil }
    }

    static func json(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: RevisionFixtures.pairs.appendingPathComponent(name))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func report(_ url: URL) throws -> Report { ReportParser.parse(try TestPaths.text(url)) }

    /// Articles are named by their marker (`第十条`), as the law alignment names them.
    @Test func lawArticles() throws {
        let (all, links) = try Self.lawScores(reversed: false)
        print("行政复议法 2017→2023 articles: all \(all); links \(links)")
        // A full revision (修订) in which almost every article moves; the issue asks 0.95 on
        // hidden law pairs, this is the level reached (0.884 / 0.885 before the clause anchors,
        // 0.890 / 0.895 with them, 0.906 / 0.919 once moves out of order need more text),
        // kept from slipping back.
        #expect(all.f1 >= 0.905)
        #expect(links.f1 >= 0.918)
    }

    /// The same law read backwards (2023 → 2017): the pieces of a split stand on the old side,
    /// where each must find its one source on its own.
    @Test func lawArticlesReversed() throws {
        let (all, links) = try Self.lawScores(reversed: true)
        print("行政复议法 2023→2017 articles: all \(all); links \(links)")
        // 0.838 / 0.844 before the clause pass (DECISIONS.md); 0.880 / 0.885 with it; 0.885 /
        // 0.895 with the clause anchors; 0.896 / 0.911 once moves out of order need more text.
        #expect(all.f1 >= 0.895)
        #expect(links.f1 >= 0.91)
    }

    static func lawScores(reversed: Bool) throws -> (all: Score, links: Score) {
        var old = try Self.report(RevisionFixtures.pairs.appendingPathComponent("xingzheng_fuyi_fa_2017.txt"))
        var new = try Self.report(RevisionFixtures.pairs.appendingPathComponent("xingzheng_fuyi_fa_2023.txt"))
        if reversed { swap(&old, &new) }
        let expected = articleGold(try Self.json("xingzheng_fuyi_fa_alignment.json"), reversed: reversed)
        #expect(expected.filter(\.isLink).count == 60)
        return articleScores(old, new, gold: expected)
    }

    /// The gold pairs of an article alignment file: (source, article) for every `from`, (nil,
    /// article) for a new one, (old, nil) for a deleted one; sides swapped when reading backwards.
    static func articleGold(_ file: [String: Any], reversed: Bool) -> Set<Pair> {
        var expected = Set<Pair>()
        func expect(_ oldID: String?, _ newID: String?) {
            expected.insert(reversed ? Pair(old: newID, new: oldID) : Pair(old: oldID, new: newID))
        }
        for entry in file["articles"] as? [[String: Any]] ?? [] {
            let target = entry["new"] as? String
            let sources = (entry["from"] as? [[String: Any]] ?? []).compactMap { $0["article"] as? String }
            if sources.isEmpty { expect(nil, target) }
            for source in sources { expect(source, target) }
        }
        for entry in file["deleted"] as? [[String: Any]] ?? [] { expect(entry["old"] as? String, nil) }
        return expected
    }

    /// The aligner's article pairs (named by marker) scored against the gold, all and links.
    static func articleScores(_ old: Report, _ new: Report, gold expected: Set<Pair>) -> (all: Score, links: Score) {
        let article: (Report, Int?) -> String?? = { report, index in
            guard let index else { return .some(nil) }
            let marker = report.sections[index].marker
            return marker.hasSuffix("条") ? .some(marker) : nil
        }
        var predicted = Set<Pair>()
        for pair in SectionAligner.align(old, new).pairs {
            guard let oldID = article(old, pair.old), let newID = article(new, pair.new) else { continue }
            predicted.insert(Pair(old: oldID, new: newID))
        }
        return (Score(predicted: predicted, gold: expected), Score(predicted: predicted.filter(\.isLink), gold: expected.filter(\.isLink)))
    }

    /// Parts and (n) children, named as the report alignment names them (`二`, `三（一）`).
    @Test func workReportPartsAndChildren() throws {
        let (all, links) = try Self.workReportScores(reversed: false)
        print("政府工作报告 2023→2024 parts and children: all \(all); links \(links)")
        // Every part and child pairs as the alignment file says (F1 1.0).
        #expect(all.f1 >= 0.99)
        #expect(links.f1 >= 0.99)
    }

    /// The same pair read backwards (2024 → 2023): a split becomes a merge, and the long
    /// five-year review of 2023 stands on the new side, where containment shares favour it.
    @Test func workReportReversed() throws {
        let (all, links) = try Self.workReportScores(reversed: true)
        print("政府工作报告 2024→2023 parts and children: all \(all); links \(links)")
        // 0.609 / 0.636 before the one-to-one backbone (DECISIONS.md); 0.936 / 0.952 with it.
        #expect(all.f1 >= 0.9)
        #expect(links.f1 >= 0.9)
    }

    static func workReportScores(reversed: Bool) throws -> (all: Score, links: Score) {
        var old = try Self.report(RevisionFixtures.pairs.appendingPathComponent("gwr2023.txt"))
        var new = try Self.report(TestPaths.corpus.appendingPathComponent("docs/01_guowuyuan_gwr2024.txt"))
        if reversed { swap(&old, &new) }
        let gold = try Self.json("gwr_2023_2024_alignment.json")
        let alignment = gold["alignment"] as? [String: Any] ?? [:]
        var expected = Set<Pair>()
        var tolerated = Set<Pair>()
        for level in ["parts", "children"] {
            for entry in alignment[level] as? [[String: Any]] ?? [] {
                let olds = entry["old"] as? [String] ?? []
                let news = entry["new"] as? [String] ?? []
                let partial = entry["relation"] as? String == "partial"
                for oldID in olds.isEmpty ? [nil] : olds.map(Optional.some) {
                    for newID in news.isEmpty ? [nil] : news.map(Optional.some) {
                        let pair = reversed ? Pair(old: newID, new: oldID) : Pair(old: oldID, new: newID)
                        if partial { tolerated.insert(pair) } else { expected.insert(pair) }
                    }
                }
            }
        }
        #expect(expected.filter(\.isLink).count == 11)

        func identifier(_ report: Report, _ index: Int?) -> String?? {
            guard let index else { return .some(nil) }
            let markers = report.path(to: index).map { report.sections[$0].marker }
            guard let part = markers.first, part.hasSuffix("、"), markers.count <= 2 else { return nil }
            var id = String(part.dropLast())
            if markers.count == 2 {
                let child = markers[1].trimmingCharacters(in: CharacterSet(charactersIn: "()（）"))
                id += "（\(child)）"
            }
            return .some(id)
        }
        var predicted = Set<Pair>()
        for pair in SectionAligner.align(old, new).pairs {
            guard let oldID = identifier(old, pair.old), let newID = identifier(new, pair.new) else { continue }
            predicted.insert(Pair(old: oldID, new: newID))
        }
        return (
            Score(predicted: predicted, gold: expected, tolerated: tolerated),
            Score(predicted: predicted.filter(\.isLink), gold: expected.filter(\.isLink), tolerated: tolerated)
        )
    }
}
