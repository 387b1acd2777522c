import ReportTestSupport
import Foundation
@testable import ReportKit

/// Decode → parse → search on one input, checking the properties every input must have.
/// Returns the violations as text instead of recording them, so the caller can keep the input
/// that broke them and stop after the first few instead of flooding the log.
enum FuzzOracle {
    /// A few fixed queries that hit markers, folding and whitespace rules, plus ones cut from
    /// the text itself.
    static let fixedQueries = ["一", "（一）", "(1)", "法治 政府", "\"法治 政府\"", "a", "ａ", "，", "。\n", "\u{1B}", "\u{FFFD}"]
    static let patterns = ["第.条", "^[0-9]+", "政府$", "(一|二)、", "[a-z]+", "\\d+\\.\\d+"]

    struct Outcome {
        /// False when the decoder refused the bytes (which is fine, if it says why in one line).
        var decoded: Bool
        var problems: [String]
    }

    static func check(_ bytes: [UInt8], forcing encoding: TextEncoding? = nil, seed: UInt64 = 0) -> Outcome {
        let decoded: DecodedText
        do {
            decoded = try TextDecoder.decode(bytes, forcing: encoding)
        } catch {
            let message = error.description
            let oneLine = !message.isEmpty && !message.contains("\n")
            return Outcome(decoded: false, problems: oneLine ? [] : ["decoding error is not one line: \(message.debugDescription)"])
        }
        return Outcome(decoded: true, problems: problems(decoded, seed: seed))
    }

    private static func problems(_ decoded: DecodedText, seed: UInt64) -> [String] {
        var problems: [String] = []
        if decoded.text.utf8.contains(UInt8(ascii: "\r")) { problems.append("decoded text still holds CR") }
        for warning in decoded.warnings where warning.isEmpty || warning.contains("\n") {
            problems.append("warning is not one line: \(warning.debugDescription)")
        }
        let report = ReportParser.parse(decoded.text)
        problems += treeProblems(report)
        // Search relies on the tree; a broken tree would only add noise.
        guard problems.isEmpty else { return problems }
        problems += searchProblems(report, seed: seed)
        return problems
    }

    // MARK: - The tree

    static func treeProblems(_ report: Report) -> [String] {
        var problems: [String] = []
        let text = report.text
        let byteCount = text.utf8.count
        func isCharacterBoundary(_ offset: Int) -> Bool {
            offset == byteCount || text.utf8.index(text.startIndex, offsetBy: offset).samePosition(in: text) != nil
        }
        func isScalarBoundary(_ offset: Int) -> Bool {
            offset == byteCount || text.utf8.index(text.startIndex, offsetBy: offset).samePosition(in: text.unicodeScalars) != nil
        }

        guard report.frontRange.lowerBound == 0, report.frontRange.upperBound <= byteCount else {
            return ["front range \(report.frontRange) outside the text of \(byteCount) bytes"]
        }
        var cursor = report.frontRange.upperBound
        var rebuilt = Array(report.frontText.utf8)
        var children = [[Int]](repeating: [], count: report.sections.count)
        var roots: [Int] = []
        for section in report.sections {
            let name = "section \(section.index) \(section.address.debugDescription)"
            guard section.ownRange.lowerBound == cursor, section.ownRange.upperBound <= byteCount,
                  section.subtreeRange.upperBound <= byteCount
            else {
                problems.append("\(name): own range \(section.ownRange) does not follow \(cursor) inside \(byteCount) bytes")
                return problems
            }
            cursor = section.ownRange.upperBound
            rebuilt += report.ownText(of: section).utf8
            if !isCharacterBoundary(section.ownRange.lowerBound) { problems.append("\(name) starts inside a character") }
            for (label, range) in [("heading", section.headingRange), ("body", section.bodyRange)] {
                if !(section.ownRange.lowerBound <= range.lowerBound && range.upperBound <= section.ownRange.upperBound) {
                    problems.append("\(name): \(label) range \(range) outside own range \(section.ownRange)")
                } else if !isScalarBoundary(range.lowerBound) || !isScalarBoundary(range.upperBound) {
                    problems.append("\(name): \(label) range \(range) cuts a scalar")
                }
            }
            if section.subtreeRange.lowerBound != section.ownRange.lowerBound || section.subtreeRange.upperBound < section.ownRange.upperBound {
                problems.append("\(name): subtree \(section.subtreeRange) does not start with own \(section.ownRange)")
            }
            if section.line != report.lines.line(at: section.ownRange.lowerBound) {
                problems.append("\(name): line \(section.line), but its text starts on line \(report.lines.line(at: section.ownRange.lowerBound))")
            }
            if let parent = section.parent {
                guard parent < section.index else {
                    problems.append("\(name): parent \(parent) does not come before it")
                    continue
                }
                children[parent].append(section.index)
                let outer = report.sections[parent]
                if !(outer.subtreeRange.lowerBound <= section.subtreeRange.lowerBound && section.subtreeRange.upperBound <= outer.subtreeRange.upperBound) {
                    problems.append("\(name): subtree \(section.subtreeRange) escapes its parent's \(outer.subtreeRange)")
                }
                if section.depth != outer.depth + 1 { problems.append("\(name): depth \(section.depth) under depth \(outer.depth)") }
            } else {
                roots.append(section.index)
                if section.depth != 1 { problems.append("\(name): top-level section at depth \(section.depth)") }
            }
            if report.resolve(section.address) != .found(section.index) {
                problems.append("\(name): its address resolves to \(report.resolve(section.address))")
            }
            if report.section(containing: section.ownRange.lowerBound) != section.index, !section.ownRange.isEmpty {
                problems.append("\(name): section(containing:) its start gives \(String(describing: report.section(containing: section.ownRange.lowerBound)))")
            }
        }
        if cursor != byteCount { problems.append("the sections end at \(cursor), the text at \(byteCount)") }
        if rebuilt != Array(text.utf8) { problems.append("front + own texts differ from the text (lossless)") }
        if roots != report.roots { problems.append("roots \(report.roots) but top-level sections \(roots)") }
        for section in report.sections where section.children != children[section.index] {
            problems.append("section \(section.index): children \(section.children) but parents say \(children[section.index])")
        }
        // A subtree is exactly its own text followed by its children's subtrees.
        for section in report.sections {
            let end = section.children.last.map { report.sections[$0].subtreeRange.upperBound } ?? section.ownRange.upperBound
            if section.subtreeRange.upperBound != end {
                problems.append("section \(section.index): subtree ends at \(section.subtreeRange.upperBound), its last descendant at \(end)")
            }
        }
        return problems
    }

    // MARK: - Search

    static func searchProblems(_ report: Report, seed: UInt64) -> [String] {
        var generator = SplitMix64(seed: seed ^ 0x5EA2C4)
        let index = SearchIndex(report: report)
        var queries = fixedQueries.shuffled(using: &generator).prefix(3).map { SearchQuery($0) }
        let characters = Array(report.text)
        for _ in 0..<3 where !characters.isEmpty {
            let start = Int.random(in: 0..<characters.count, using: &generator)
            let piece = String(characters[start..<min(characters.count, start + Int.random(in: 1...5, using: &generator))])
            queries.append(SearchQuery(piece))
            queries.append(SearchQuery(terms: [piece, fixedQueries.randomElement(using: &generator)!]))
        }
        queries.append(SearchQuery(patterns.randomElement(using: &generator)!, isRegex: true))
        if !report.sections.isEmpty {
            let scope = Int.random(in: 0..<report.sections.count, using: &generator)
            queries.append(SearchQuery(queries[Int.random(in: 0..<queries.count, using: &generator)].text, scope: scope))
        }

        var problems: [String] = []
        for query in queries {
            let label = "query \(query.text.debugDescription)\(query.isRegex ? " (regex)" : "")\(query.scope.map { " in \($0)" } ?? "")"
            let results: SearchResults
            do {
                results = try index.search(query)
            } catch {
                problems.append("\(label): \(error)")
                continue
            }
            var previous = 0
            var perSection: [Int?: Int] = [:]
            for hit in results.hits {
                let container = hit.section.map { report.sections[$0].ownRange } ?? report.frontRange
                if !(container.lowerBound <= hit.range.lowerBound && hit.range.upperBound <= container.upperBound) {
                    problems.append("\(label): hit \(hit.range) outside its section's own range \(container)")
                }
                if let scope = query.scope, !report.sections[scope].subtreeRange.contains(hit.range.lowerBound) {
                    problems.append("\(label): hit \(hit.range) outside the scope")
                }
                if hit.line != report.lines.line(at: hit.range.lowerBound) { problems.append("\(label): hit \(hit.range) on the wrong line") }
                if hit.range.lowerBound < previous { problems.append("\(label): hits out of order") }
                previous = hit.range.lowerBound
                perSection[hit.section, default: 0] += 1
                _ = report.snippet(for: hit)
            }
            let counted = Dictionary(results.sections.map { ($0.section, $0.count) }, uniquingKeysWith: +)
            if counted.count != results.sections.count { problems.append("\(label): a section matched twice") }
            if counted != perSection { problems.append("\(label): section counts \(counted) but hits \(perSection)") }
        }
        return problems
    }
}
