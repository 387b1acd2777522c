import ReportKit

/// Moving through the document line by line, and converting between text anchors
/// (`DetailPosition`, what the state keeps) and laid-out lines (`DetailCursor`, what a frame
/// draws).
extension DetailDocument {
    package var firstCursor: DetailCursor { DetailCursor(unit: firstUnit, line: 0) }

    package var lastCursor: DetailCursor {
        let unit = lastUnit
        return DetailCursor(unit: unit, line: max(0, lines(of: unit).count - 1))
    }

    /// The line that shows `position` after laying the text out at this width.
    package func cursor(for position: DetailPosition) -> DetailCursor {
        guard contains(position.section) else { return firstCursor }
        // A continuous document has no breadcrumb: a row's start is its heading.
        if continuous, position.part == .breadcrumb {
            return cursor(for: DetailPosition(section: position.section, part: .heading, offset: 0))
        }
        let section = position.section
        if position.part == .body {
            guard let bounds = bodyBounds(of: section), let last = lastParagraph(of: section) else {
                return DetailCursor(unit: DetailUnit(section: section, part: .heading, start: 0), line: 0)
            }
            let absolute = textBase(of: section) + position.offset
            var start = bounds.lowerBound
            if absolute > bounds.lowerBound {
                start = paragraphStart(containing: min(absolute, bounds.upperBound - 1), bounds: bounds)
            }
            // A place in the blank lines after the text shows as the last paragraph.
            start = min(start, last.start)
            let unit = DetailUnit(section: section, part: .body, start: start)
            let relative = absolute - start
            let index = lines(of: unit).lastIndex { $0.offset <= relative } ?? 0
            return DetailCursor(unit: unit, line: index)
        }
        let unit = DetailUnit(section: section, part: position.part, start: 0)
        guard exists(unit) else { return firstCursor }
        // The row that holds the byte of the heading (or metadata) that was at the top, so a
        // re-wrap at another width keeps the same words at the top.
        let index = lines(of: unit).lastIndex { $0.textRange.lowerBound <= position.offset } ?? 0
        return DetailCursor(unit: unit, line: index)
    }

    package func position(of cursor: DetailCursor) -> DetailPosition {
        let unit = cursor.unit
        let laid = lines(of: unit)
        guard unit.part == .body else {
            let within = laid.indices.contains(cursor.line) ? laid[cursor.line].textRange.lowerBound : 0
            return DetailPosition(section: unit.section, part: unit.part, offset: within)
        }
        let within = laid.indices.contains(cursor.line) ? laid[cursor.line].offset : 0
        return DetailPosition(section: unit.section, part: .body, offset: unit.start + within - textBase(of: unit.section))
    }

    /// `count` lines further (negative: back), stopping at the first and last line.
    package func advance(_ cursor: DetailCursor, by count: Int) -> DetailCursor {
        var current = cursor
        var remaining = count
        while remaining > 0 {
            let available = lines(of: current.unit).count - 1 - current.line
            if remaining <= available {
                current.line += remaining
                return current
            }
            guard let next = unit(after: current.unit) else {
                current.line += available
                return current
            }
            remaining -= available + 1
            current = DetailCursor(unit: next, line: 0)
        }
        while remaining < 0 {
            if -remaining <= current.line {
                current.line += remaining
                return current
            }
            guard let previous = unit(before: current.unit) else {
                current.line = 0
                return current
            }
            remaining += current.line + 1
            current = DetailCursor(unit: previous, line: lines(of: previous).count - 1)
        }
        return current
    }

    /// The top line of the last full page: scrolling stops there, as in `less`.
    package func lastTop(height: Int) -> DetailCursor {
        advance(lastCursor, by: -(max(1, height) - 1))
    }

    /// The line drawn at the top for a reading position: the position itself, unless that would
    /// leave the end of the text short of the bottom of the pane.
    package func top(for position: DetailPosition, height: Int) -> DetailCursor {
        min(cursor(for: position), lastTop(height: height))
    }

    /// Up to `count` lines from `cursor` on.
    package func lines(from cursor: DetailCursor, count: Int) -> [DetailLine] {
        placedLines(from: cursor, count: count).map(\.line)
    }

    /// Up to `count` lines from `cursor` on, each with the unit it belongs to.
    package func placedLines(from cursor: DetailCursor, count: Int) -> [(unit: DetailUnit, line: DetailLine)] {
        var result: [(unit: DetailUnit, line: DetailLine)] = []
        var unit: DetailUnit? = cursor.unit
        var line = cursor.line
        while result.count < count, let current = unit {
            let laid = lines(of: current)
            if line < laid.count {
                for placed in laid[line..<min(laid.count, line + count - result.count)] {
                    result.append((current, placed))
                }
            }
            unit = self.unit(after: current)
            line = 0
        }
        return result
    }

    /// The line showing a byte of the text in `section` (nil: the front matter), such as the
    /// start of a search hit. Hits in the title or metadata show as the top of the document.
    package func cursor(forText offset: Int, in section: Int?) -> DetailCursor {
        guard let section else {
            guard offset >= report.preambleStart else { return firstCursor }
            return cursor(for: DetailPosition(section: nil, part: .body, offset: offset - report.frontRange.lowerBound))
        }
        let info = report.sections[section]
        guard offset >= info.bodyRange.lowerBound else {
            return cursor(for: DetailPosition(section: section, part: .heading, offset: 0))
        }
        return cursor(for: DetailPosition(section: section, part: .body, offset: offset - info.ownRange.lowerBound))
    }

    private func textBase(of section: Int?) -> Int {
        section.map { report.sections[$0].ownRange.lowerBound } ?? report.frontRange.lowerBound
    }

    private func exists(_ unit: DetailUnit) -> Bool {
        switch unit.part {
        case .breadcrumb:
            return unit.section != nil && unit.section == root.sectionIndex && firstUnit == unit
        case .heading: return true
        case .metadata: return unit.section == nil && !report.metadata.isEmpty
        case .gap:
            guard let section = unit.section else { return continuous && !report.sections.isEmpty }
            return gap(after: section) != nil
        case .body: return true
        }
    }
}
