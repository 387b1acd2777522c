import Foundation
import ReportKit
import ReportTestSupport
import Testing

/// Section-pair F1 on seeded synthetic revisions of the corpus' real laws (`LawRevisionMaker`),
/// whose true alignment is known by construction: the hidden law pairs are other laws and other
/// revisions, so the aligner is measured on the kinds of change laws get, not on one pair.
///
/// Scoring as `CompareAccuracyTests`: pairs as sets, `all` with new/removed ones, `links` only
/// pairs with both sides; `structure` scores chapters and 节 the same way.
@Suite struct CompareRevisionHarnessTests {
    struct Base {
        let name: String
        let draft: LawDraft
        let donors: [String]
    }

    static let bases: [Base] = {
        let pairs = RevisionFixtures.pairs
        let gold = (try? CompareAccuracyTests.json("xingzheng_fuyi_fa_alignment.json")) ?? [:]
        let newIn2023 = (gold["articles"] as? [[String: Any]] ?? []).filter { $0["type"] as? String == "new" }.compactMap { $0["new"] as? String }
        let law2017 = ReportParser.parse((try? TestPaths.text(pairs.appendingPathComponent("xingzheng_fuyi_fa_2017.txt"))) ?? "")
        let law2023 = ReportParser.parse((try? TestPaths.text(pairs.appendingPathComponent("xingzheng_fuyi_fa_2023.txt"))) ?? "")
        let geshui = ReportParser.parse((try? TestPaths.text(TestPaths.corpus.appendingPathComponent("docs/11_geshui_zhuanxiang_kouchu2018.txt"))) ?? "")
        func bodies(_ report: Report, _ markers: Set<String>) -> [String] {
            LawDraft.base(report, title: "").chapters.flatMap { $0.groups.flatMap(\.articles) }.enumerated()
                .filter { markers.isEmpty || markers.contains("第\(RevisionFixtures.numeral($0.offset + 1))条") }.map(\.element.text)
        }
        // New articles are on-topic articles the other version does not have: those the
        // hand alignment calls new in 2023 (held out of the 2023 base, every third of them).
        let heldOut = Set(newIn2023.enumerated().filter { $0.offset % 3 == 0 }.map(\.element))
        let new2023 = bodies(law2023, Set(newIn2023))
        return [
            Base(name: "行政复议法2017", draft: LawDraft.base(law2017, title: "中华人民共和国行政复议法"), donors: new2023),
            Base(
                name: "行政复议法2023", draft: LawDraft.base(law2023, title: "中华人民共和国行政复议法", excluding: heldOut),
                donors: bodies(law2023, heldOut)),
            Base(name: "个税专项附加扣除办法", draft: LawDraft.base(geshui, title: "个人所得税专项附加扣除暂行办法"), donors: new2023),
        ]
    }()

    static let seeds: [UInt64] = [1, 2, 3, 4]

    struct Outcome {
        let articles: CompareAccuracyTests.Score
        let links: CompareAccuracyTests.Score
        let structure: CompareAccuracyTests.Score
        /// What was found and not true, and what was true and not found, at every level.
        let wrong: [String]
        let missed: [String]
    }

    /// Aligns `old` with its revision `new` and scores the pairs at every level.
    static func score(old: LawDraft, new: LawDraft, reversed: Bool = false) -> Outcome {
        var oldReport = ReportParser.parse(old.render())
        var newReport = ReportParser.parse(new.render(renumbering: new.citationMap()))
        let gold = new.gold(against: old)
        func flip(_ pairs: Set<LawPair>) -> Set<CompareAccuracyTests.Pair> {
            Set(pairs.map { reversed ? .init(old: $0.new, new: $0.old) : .init(old: $0.old, new: $0.new) })
        }
        if reversed { swap(&oldReport, &newReport) }
        var articles = Set<CompareAccuracyTests.Pair>()
        var structure = Set<CompareAccuracyTests.Pair>()
        for pair in SectionAligner.align(oldReport, newReport).pairs {
            let oldID = pair.old.map { identifier(oldReport, $0) }
            let newID = pair.new.map { identifier(newReport, $0) }
            let oldLevel = oldID.flatMap { $0 }?.level
            let newLevel = newID.flatMap { $0 }?.level
            // A pair of an item, or of two levels, is none of the scored kinds on one side.
            if case .some(nil) = oldID { continue }
            if case .some(nil) = newID { continue }
            let found = CompareAccuracyTests.Pair(old: oldID??.name, new: newID??.name)
            if (oldLevel ?? newLevel) == .article && (newLevel ?? oldLevel) == .article {
                articles.insert(found)
            } else if oldLevel != .article && newLevel != .article {
                structure.insert(found)
            }
        }
        let expectedArticles = flip(gold.articles)
        let expectedStructure = flip(gold.structure)
        let flow = flip(gold.flow)
        let histories = new.histories()
        func names(_ pairs: Set<CompareAccuracyTests.Pair>) -> [String] {
            pairs.map { pair in
                let revised = reversed ? pair.old : pair.new
                let history = revised.flatMap { histories[$0] }.map { $0.isEmpty ? "" : "[\($0.joined(separator: ","))]" } ?? ""
                return "\(pair.old ?? "-")→\(pair.new ?? "-")\(history)"
            }.sorted()
        }
        return Outcome(
            articles: .init(predicted: articles, gold: expectedArticles),
            links: .init(predicted: articles.filter(\.isLink), gold: expectedArticles.filter(\.isLink)),
            structure: .init(predicted: structure, gold: expectedStructure, tolerated: flow),
            wrong: names(articles.subtracting(expectedArticles).union(structure.subtracting(expectedStructure).subtracting(flow))),
            missed: names(expectedArticles.subtracting(articles).union(expectedStructure.subtracting(structure))))
    }

    enum Level { case article, chapter, jie }

    static func identifier(_ report: Report, _ index: Int) -> (name: String, level: Level)? {
        let section = report.sections[index]
        let marker = section.marker
        guard marker.hasPrefix("第") else { return nil }
        if marker.hasSuffix("条") { return (marker, .article) }
        if marker.hasSuffix("章") { return (marker, .chapter) }
        if marker.hasSuffix("节"), let parent = section.parent { return (report.sections[parent].marker + marker, .jie) }
        return nil
    }

    struct Case {
        let kind: LawRevisionMaker.Kind
        let base: Base
        let seed: UInt64
        let revised: LawDraft
    }

    static let cases: [Case] = LawRevisionMaker.Kind.allCases.flatMap { kind in
        bases.flatMap { base in
            seeds.map { seed in
                var maker = LawRevisionMaker(seed: seed &* 7919 &+ UInt64(kind == .amendment ? 1 : 2), donors: base.donors)
                return Case(kind: kind, base: base, seed: seed, revised: maker.make(kind, from: base.draft))
            }
        }
    }

    /// Mean article F1 (all) and the lowest, per kind and direction; prints every case.
    static func summary(_ kind: LawRevisionMaker.Kind, reversed: Bool) -> (mean: Double, lowest: Double, links: Double, structure: Double) {
        var values: [Double] = []
        var links: [Double] = []
        var structure: [Double] = []
        for item in cases where item.kind == kind {
            // LAW_REVISION_DUMP=DIR writes each pair, to read a failure with `report-browser diff`.
            if !reversed, let folder = ProcessInfo.processInfo.environment["LAW_REVISION_DUMP"] {
                let stem = "\(folder)/\(kind.rawValue)-\(item.base.name)-\(item.seed)"
                try? item.base.draft.render().write(toFile: stem + "-old.txt", atomically: true, encoding: .utf8)
                try? item.revised.render(renumbering: item.revised.citationMap()).write(toFile: stem + "-new.txt", atomically: true, encoding: .utf8)
            }
            let outcome = score(old: item.base.draft, new: item.revised, reversed: reversed)
            print("\(kind.rawValue)\(reversed ? " reversed" : "") \(item.base.name) seed \(item.seed): articles \(outcome.articles); links \(outcome.links); chapters/节 \(outcome.structure)")
            if !outcome.wrong.isEmpty || !outcome.missed.isEmpty {
                print("  wrong \(outcome.wrong.joined(separator: " ")); missed \(outcome.missed.joined(separator: " "))")
            }
            values.append(outcome.articles.f1)
            links.append(outcome.links.f1)
            structure.append(outcome.structure.f1)
        }
        let mean = values.reduce(0, +) / Double(values.count)
        let result = (mean, values.min() ?? 0, links.reduce(0, +) / Double(links.count), structure.reduce(0, +) / Double(structure.count))
        print("\(kind.rawValue)\(reversed ? " reversed" : ""): mean articles F1 \(rounded(result.0)) (lowest \(rounded(result.1))), links \(rounded(result.2)), chapters/节 \(rounded(result.3))")
        return result
    }

    static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }

    @Test func casesAreRevisions() {
        #expect(Self.bases.map { $0.draft.articleCount } == [43, 78, 32])
        for item in Self.cases {
            let gold = item.revised.gold(against: item.base.draft)
            // Every kind of change is present: new, removed, and a split or merge.
            #expect(gold.articles.contains { $0.old == nil })
            #expect(gold.articles.contains { $0.new == nil })
            let links = gold.articles.filter(\.isLink)
            #expect(Dictionary(grouping: links, by: \.new).values.contains { $0.count > 1 }, "a merge in \(item.kind) \(item.base.name) \(item.seed)")
            if item.kind == .revision { #expect(Dictionary(grouping: links, by: \.old).values.contains { $0.count > 1 }, "a split") }
        }
    }

    @Test func amendments() {
        let forwards = Self.summary(.amendment, reversed: false)
        let backwards = Self.summary(.amendment, reversed: true)
        // The levels reached (DECISIONS.md, session 7), kept from slipping back.
        #expect(forwards.mean >= 0.99 && forwards.lowest >= 0.96)
        #expect(backwards.mean >= 0.99 && backwards.lowest >= 0.96)
        #expect(forwards.structure >= 0.98 && backwards.structure >= 0.98)
    }

    @Test func fullRevisions() {
        let forwards = Self.summary(.revision, reversed: false)
        let backwards = Self.summary(.revision, reversed: true)
        #expect(forwards.mean >= 0.98 && forwards.lowest >= 0.95)
        #expect(backwards.mean >= 0.98 && backwards.lowest >= 0.95)
        // Chapters made 节 of another chapter where both versions have 节 (0.975 before
        // `CrossLevelHeadings`, 0.991 with it).
        #expect(forwards.structure >= 0.99 && backwards.structure >= 0.99)
    }
}
