import FoundationEssentials

public enum SearchError: Error, Hashable, CustomStringConvertible, LocalizedError {
    case invalidPattern(pattern: String, reason: String)
    case invalidScope(Int)

    public var description: String {
        switch self {
        case .invalidPattern(let pattern, let reason):
            "invalid regular expression \"\(pattern)\": \(reason)"
        case .invalidScope(let section):
            "no section \(section) to search in"
        }
    }

    public var errorDescription: String? { description }
}

extension SearchIndex {
    /// Folded text handed to the regex engine at a time: ICU works on a UTF-16 copy, so one
    /// piece of a 100 MB report at a time keeps that copy small.
    private static let regexChunkSize = 1 << 20

    /// Regular expressions run over the folded text, case-insensitively, so they see `(一)` for
    /// `（一）` and no whitespace between CJK characters. `^` and `$` match at the start and end
    /// of a section's own text. Matches that would span a section boundary and empty matches
    /// are dropped: they cannot be shown as hits.
    func regexHits(pattern: String, in scope: Range<Int>) throws(SearchError) -> FoldedHits {
        let expression: ICURegex
        do {
            expression = try ICURegex(Self.foldedPattern(pattern))
        } catch {
            throw .invalidPattern(pattern: pattern, reason: Self.explanation(of: pattern, fallback: error))
        }
        var starts: [Int] = []
        var ends: [Int] = []
        var chunkStart = scope.lowerBound
        while chunkStart < scope.upperBound {
            // Chunks end at a separator, which no hit may contain anyway.
            var chunkEnd = min(chunkStart + Self.regexChunkSize, scope.upperBound)
            while chunkEnd < scope.upperBound, folded[chunkEnd] != TextFolder.separator { chunkEnd += 1 }
            let text = String(decoding: folded[chunkStart..<chunkEnd], as: UTF8.self)
            let base = chunkStart
            expression.matches(in: text) { range in
                guard !range.isEmpty else { return }
                let start = base + range.lowerBound
                let end = base + range.upperBound
                guard !self.folded[start..<end].contains(TextFolder.separator) else { return }
                starts.append(start)
                ends.append(end)
            }
            chunkStart = chunkEnd + 1
        }
        return FoldedHits(starts: starts, ends: ends, sections: sectionsOfSorted(starts))
    }

    /// Folds the literal characters of a pattern the way the text was folded, leaving its ASCII
    /// alone: ASCII carries the regex syntax (`\D` must not become `\d`), and letter case is
    /// handled by matching case-insensitively. A non-ASCII character that folds to ASCII
    /// punctuation (`（` → `(`) is escaped so it stays a literal.
    static func foldedPattern(_ pattern: String) -> String {
        var table = ScalarFoldTable(forLargeText: false)
        var result = ""
        for scalar in pattern.unicodeScalars {
            guard !scalar.isASCII else {
                result.unicodeScalars.append(scalar)
                continue
            }
            let fold = table.fold(of: scalar.value)
            let folded: String
            if fold.role == .whitespace {
                folded = " "
            } else if fold.isIdentity {
                folded = String(scalar)
            } else {
                let start = Int(fold.foldedStart)
                folded = String(decoding: table.pool[start..<start + Int(fold.foldedLength)], as: UTF8.self)
            }
            for foldedScalar in folded.unicodeScalars {
                let value = foldedScalar.value
                if foldedScalar.isASCII, !(0x30...0x39).contains(value), !(0x41...0x5A).contains(value), !(0x61...0x7A).contains(value) {
                    result.append("\\")
                }
                result.unicodeScalars.append(foldedScalar)
            }
        }
        return result
    }
}

extension SearchIndex {
    /// ICU only names the failure (`U_REGEX_MISMATCHED_PAREN`); Swift's own regex parser says
    /// what is wrong (`expected ')'`), so ask it for the reason.
    static func explanation(of pattern: String, fallback: ICURegexError) -> String {
        do {
            _ = try Regex(pattern)
        } catch {
            return String(describing: error)
        }
        return fallback.name
    }
}
