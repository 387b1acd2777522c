import ReportKit

/// The orders the list can be in; every order keeps the folder groups.
package enum LibrarySort: CaseIterable, Sendable, Hashable {
    /// As the files were found: path order.
    case path
    /// Newest first; reports without a date last.
    case date
    case title

    package var label: String {
        switch self {
        case .path: "by path"
        case .date: "by date"
        case .title: "by title"
        }
    }

    var next: LibrarySort {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}

/// One row of the library list.
package enum LibraryRow: Hashable, Sendable {
    case folder(String, reports: Int)
    case report(Int)
    /// A section with hits of a library search: the entry and the position in its hits.
    case section(entry: Int, position: Int)

    package var entry: Int? {
        switch self {
        case .folder: nil
        case .report(let entry), .section(let entry, _): entry
        }
    }
}

/// Builds the rows from the entries: grouped by folder (in the order folders are first met),
/// ordered within each folder, narrowed by the filter and, while a search is shown, to the
/// reports with hits, each followed by its sections when expanded.
enum LibraryRows {
    static func build(
        entries: [LibraryEntry], sort: LibrarySort, filter: String, search: LibrarySearchOutcome?,
        expanded: Set<Int>
    ) -> [LibraryRow] {
        let needle = SearchIndex.fold(filter)
        var hitsByEntry: [Int: LibraryReportHits] = [:]
        for report in search?.reports ?? [] { hitsByEntry[report.entry] = report }
        var folderOrder: [String] = []
        var byFolder: [String: [Int]] = [:]
        for (index, entry) in entries.enumerated() {
            if search != nil, hitsByEntry[index] == nil { continue }
            if !needle.isEmpty, !matches(entry, needle) { continue }
            if byFolder[entry.folder] == nil { folderOrder.append(entry.folder) }
            byFolder[entry.folder, default: []].append(index)
        }
        var rows: [LibraryRow] = []
        for folder in folderOrder {
            let members = ordered(byFolder[folder] ?? [], of: entries, by: sort)
            rows.append(.folder(folder, reports: members.count))
            for member in members {
                rows.append(.report(member))
                guard expanded.contains(member), let hits = hitsByEntry[member] else { continue }
                for position in hits.sections.indices { rows.append(.section(entry: member, position: position)) }
            }
        }
        return rows
    }

    /// Title, date, issuer and path, folded as search folds (widths, case).
    static func matches(_ entry: LibraryEntry, _ foldedNeedle: String) -> Bool {
        let haystack = SearchIndex.fold([entry.title, entry.date, entry.issuer, entry.path].joined(separator: "\n"))
        return haystack.contains(foldedNeedle)
    }

    static func ordered(_ members: [Int], of entries: [LibraryEntry], by sort: LibrarySort) -> [Int] {
        switch sort {
        case .path:
            return members
        case .date:
            // Stable: equal dates keep path order.
            let keyed = members.map { (member: $0, key: LibraryDateKey(entries[$0].date)) }
            return keyed.enumerated().sorted { lhs, rhs in
                switch (lhs.element.key, rhs.element.key) {
                case (let left?, let right?) where left != right: return left > right
                case (.some, nil): return true
                case (nil, .some): return false
                default: return lhs.offset < rhs.offset
                }
            }.map(\.element.member)
        case .title:
            return members.enumerated().sorted { lhs, rhs in
                let left = entries[lhs.element].title, right = entries[rhs.element].title
                return left != right ? left < right : lhs.offset < rhs.offset
            }.map(\.element)
        }
    }
}

/// A date as reports write it (`2025-02-24 09:44`, `2024年3月5日`, `2024.03.05`, `２０２４年`),
/// reduced to year, month, day for ordering. nil when no year is found.
struct LibraryDateKey: Comparable, Hashable {
    let year: Int
    let month: Int
    let day: Int

    init?(_ text: String) {
        var numbers: [Int] = []
        var current: Int?
        for character in text {
            if let digit = character.wholeNumberValue, character.isNumber, digit < 10 {
                current = (current ?? 0) * 10 + digit
                if current! > 99_999 { return nil }
            } else if let value = current {
                numbers.append(value)
                current = nil
                if numbers.count == 3 { break }
            }
        }
        if let current, numbers.count < 3 { numbers.append(current) }
        guard let yearPosition = numbers.firstIndex(where: { (1900...2999).contains($0) }) else { return nil }
        let rest = numbers[(yearPosition + 1)...]
        year = numbers[yearPosition]
        month = rest.first.flatMap { (1...12).contains($0) ? $0 : nil } ?? 0
        day = rest.dropFirst().first.flatMap { (1...31).contains($0) ? $0 : nil } ?? 0
    }

    static func < (lhs: LibraryDateKey, rhs: LibraryDateKey) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}
