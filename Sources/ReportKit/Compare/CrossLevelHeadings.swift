/// A revision regroups a law: a chapter becomes a 节 of another chapter (第二章 行政复议范围 →
/// 第二章第一节 行政复议范围), or a 节 becomes a chapter. When both versions have chapters and
/// 节, the tiers never compare the two, and the heading pass for styles only one version has
/// does not run; so such a section is left "new" while its articles are all aligned into it.
///
/// After every tier, a container (a section with subsections) still unpaired is linked to the
/// container of another style on the other side whose heading it shares (bigram Dice ≥ 0.8,
/// untied), when at least half of its aligned subsections have their counterparts inside that
/// one: the heading alone is a weak clue (一般规定 recurs in many laws' 节), but together with
/// the articles it carries it is the same part of the law, moved to another level.
enum CrossLevelHeadings {
    static let supportShare = 0.5

    static func link(_ old: Report, _ new: Report, into state: inout LinkState) {
        let oldContainers = containers(old)
        let newContainers = containers(new)
        let unpairedNew = newContainers.filter { state.newLinks[$0.index].isEmpty }
        let unpairedOld = oldContainers.filter { state.oldLinks[$0.index].isEmpty }
        // Nothing to do in the common case (a report against itself or its next year's, whose
        // parts all pair); otherwise bounded like the heading pass.
        guard !unpairedNew.isEmpty || !unpairedOld.isEmpty,
            unpairedNew.count * oldContainers.count + unpairedOld.count * newContainers.count <= SectionAligner.headingComparisonLimit
        else { return }
        let oldEnds = subtreeEnds(old)
        let newEnds = subtreeEnds(new)
        let oldHeadings = Dictionary(uniqueKeysWithValues: oldContainers.map { ($0.index, HeadingBigrams.of($0.headingText)) })
        let newHeadings = Dictionary(uniqueKeysWithValues: newContainers.map { ($0.index, HeadingBigrams.of($0.headingText)) })

        for section in unpairedNew {
            let candidates = oldContainers.filter { $0.style.name != section.style.name }
            guard let match = best(newHeadings[section.index]!, among: candidates.map { ($0.index, oldHeadings[$0.index]!) }) else { continue }
            // The new section's subsections, and where their old counterparts stand.
            let inside = (section.index + 1..<newEnds[section.index]).map { descendant in
                state.newLinks[descendant].map { (match.index + 1..<oldEnds[match.index]).contains($0) }
            }
            guard supported(inside) else { continue }
            state.add(match.index, section.index, similarity: match.score)
        }
        for section in unpairedOld where state.oldLinks[section.index].isEmpty {
            let candidates = newContainers.filter { $0.style.name != section.style.name }
            guard let match = best(oldHeadings[section.index]!, among: candidates.map { ($0.index, newHeadings[$0.index]!) }) else { continue }
            let inside = (section.index + 1..<oldEnds[section.index]).map { descendant in
                state.oldLinks[descendant].map { (match.index + 1..<newEnds[match.index]).contains($0.new) }
            }
            guard supported(inside) else { continue }
            state.add(section.index, match.index, similarity: match.score)
        }
    }

    /// Sections with subsections above the articles: an article's items, and the items' own
    /// items, are parts of one article, not of the law's outline.
    static func containers(_ report: Report) -> [Section] {
        var insideArticle = Array(repeating: false, count: report.sections.count)
        var out: [Section] = []
        for section in report.sections {
            let inside = section.isArticle || section.parent.map { insideArticle[$0] } == true
            insideArticle[section.index] = inside
            if !inside && !section.children.isEmpty { out.append(section) }
        }
        return out
    }

    /// Whether at least `supportShare` of the aligned subsections (each a list of whether its
    /// counterparts lie inside the candidate) have a counterpart inside.
    private static func supported(_ inside: [[Bool]]) -> Bool {
        let aligned = inside.filter { !$0.isEmpty }
        guard !aligned.isEmpty else { return false }
        let carried = aligned.filter { $0.contains(true) }.count
        return Double(carried) >= supportShare * Double(aligned.count)
    }

    private static func best(_ heading: Set<String>, among others: [(index: Int, grams: Set<String>)]) -> (index: Int, score: Double)? {
        var best: (index: Int, score: Double)?
        var tied = false
        for other in others {
            let score = HeadingBigrams.dice(heading, other.grams)
            guard score >= SectionAligner.headingThreshold else { continue }
            if let current = best, score <= current.score {
                if score == current.score { tied = true }
                continue
            }
            best = (other.index, score)
            tied = false
        }
        return tied ? nil : best
    }

    /// For each section, the index after its last descendant (sections are in document order,
    /// a subtree contiguous).
    static func subtreeEnds(_ report: Report) -> [Int] {
        var ends = Array(repeating: 0, count: report.sections.count)
        var open: [Int] = []
        for section in report.sections {
            while let last = open.last, report.sections[last].depth >= section.depth {
                ends[last] = section.index
                open.removeLast()
            }
            open.append(section.index)
        }
        for index in open { ends[index] = report.sections.count }
        return ends
    }
}
