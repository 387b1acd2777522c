/// `#` in the library: the listed reports' figures in one table (issue 16).
extension LibraryState {
    /// Reports read at most for one figures table: each is opened and its figures extracted
    /// (about 0.2 s a megabyte), so a whole library of thousands is narrowed first.
    package static let figuresReportLimit = 200

    mutating func openFigures() -> [LibraryEffect] {
        let listed = rows.compactMap { row -> Int? in
            if case .report(let entry) = row, entries[entry].failure == nil { entry } else { nil }
        }
        guard !listed.isEmpty else {
            message = BrowserState.Message(text: "No readable report listed", isError: false)
            return []
        }
        guard listed.count <= Self.figuresReportLimit else {
            message = BrowserState.Message(
                text: "Figures of \(listed.count) reports: narrow to \(Self.figuresReportLimit) with f or / first",
                isError: false)
            return []
        }
        mode = .figures(LibraryFiguresList(titles: entries.map(\.title)))
        return [.extractFigures(listed)]
    }

    /// The figures read for the table; ignored when the table was closed meanwhile.
    package mutating func receiveFigures(_ figures: [LibraryFigure], unreadable: Int) {
        guard case .figures(var list) = mode else { return }
        list.receive(figures, unreadable: unreadable)
        mode = .figures(list)
    }
}
