/// A revision regroups a law: a chapter becomes a 节 of another chapter (第二章 行政复议范围 →
/// 第二章第一节 行政复议范围), or a 节 becomes a chapter. When both versions have chapters and
/// 节, the tiers never compare the two, and the heading pass for styles only one version has
/// does not run; so such a section is left "new" while its articles are all aligned into it.
///
/// After every pass, a container (a section with subsections, above the articles) still unpaired is linked to the
/// container of another style on the other side whose heading it shares (bigram Dice ≥ 0.8,
/// untied), when at least half of its aligned subsections have their counterparts inside that
/// one: the heading alone is a weak clue (一般规定 recurs in many laws' 节), but together with
/// the articles it carries it is the same part of the law, moved to another level.
enum CrossLevelHeadings {
    static let supportShare = 0.5

    static func link(_ old: Report, _ new: Report, into state: inout LinkState) {
        let oldContainers = containers(old)
        let newContainers = containers(new)
        let unpairedNew = newContainers.filter { state.newLinks[$0].isEmpty }
        let unpairedOld = oldContainers.filter { state.oldLinks[$0].isEmpty }
        // Nothing to do in the common case (a report against itself or its next year's, whose
        // parts all pair). Candidates are only the containers that hold the counterparts, so the
        // cost is the unpaired containers' subtrees times the outline's depth.
        guard !unpairedNew.isEmpty || !unpairedOld.isEmpty else { return }
        let isOldContainer = membership(oldContainers, count: old.sections.count)
        let isNewContainer = membership(newContainers, count: new.sections.count)
        var found: [(old: Int, new: Int, score: Double)] = []
        for index in unpairedNew {
            let counterparts = descendants(of: index, in: new).map { state.newLinks[$0] }
            if let match = supportedHeading(new.sections[index], counterparts, in: old, among: isOldContainer) {
                found.append((match.index, index, match.score))
            }
        }
        let linkedOld = Set(found.map(\.old))
        for index in unpairedOld where !linkedOld.contains(index) {
            let counterparts = descendants(of: index, in: old).map { state.oldLinks[$0].map(\.new) }
            if let match = supportedHeading(old.sections[index], counterparts, in: new, among: isNewContainer) {
                found.append((index, match.index, match.score))
            }
        }
        for link in found { state.add(link.old, link.new, similarity: link.score) }
    }

    private static func membership(_ indices: [Int], count: Int) -> [Bool] {
        var flags = Array(repeating: false, count: count)
        for index in indices { flags[index] = true }
        return flags
    }

    /// The container of `other`, of another style than `section`, that holds the counterparts
    /// of at least `supportShare` of the section's aligned subsections and whose heading is the
    /// section's (the best such, untied).
    private static func supportedHeading(
        _ section: Section, _ counterparts: [[Int]], in other: Report, among isContainer: [Bool]
    ) -> (index: Int, score: Double)? {
        let aligned = counterparts.filter { !$0.isEmpty }
        guard !aligned.isEmpty else { return nil }
        var holding: [Int: Int] = [:]
        for targets in aligned {
            var holders = Set<Int>()
            for target in targets {
                var ancestor = other.sections[target].parent
                while let current = ancestor {
                    if isContainer[current] { holders.insert(current) }
                    ancestor = other.sections[current].parent
                }
            }
            for holder in holders { holding[holder, default: 0] += 1 }
        }
        let heading = HeadingBigrams.of(section.headingText)
        var best: (index: Int, score: Double)?
        var tied = false
        for (candidate, count) in holding.sorted(by: { $0.key < $1.key })
        where Double(count) >= supportShare * Double(aligned.count) && other.sections[candidate].style.name != section.style.name {
            let score = HeadingBigrams.dice(heading, HeadingBigrams.of(other.sections[candidate].headingText))
            guard score >= SectionAligner.headingThreshold else { continue }
            if let current = best, score <= current.score {
                if score == current.score { tied = true }
                continue
            }
            best = (candidate, score)
            tied = false
        }
        return tied ? nil : best
    }

    private static func descendants(of index: Int, in report: Report) -> [Int] {
        var out: [Int] = []
        var stack = report.sections[index].children.reversed() as [Int]
        while let next = stack.popLast() {
            out.append(next)
            stack.append(contentsOf: report.sections[next].children.reversed())
        }
        return out
    }

    /// Sections with subsections above the articles: an article's items, and the items' own
    /// items, are parts of one article, not of the law's outline.
    static func containers(_ report: Report) -> [Int] {
        var insideArticle = Array(repeating: false, count: report.sections.count)
        var out: [Int] = []
        for section in report.sections {
            let inside = section.isArticle || section.parent.map { insideArticle[$0] } == true
            insideArticle[section.index] = inside
            if !inside && !section.children.isEmpty { out.append(section.index) }
        }
        return out
    }
}
