import ArgumentParser
import FoundationEssentials
import ReportKit
import ReportUI

/// Where `browse` opens when told on the command line, as less takes it: `+3.2` (any address
/// `show` takes, `+L120` a source line), `+/信用修复` (the first hit of a search) or
/// `--line 120`.
enum OpeningPlace: Equatable {
    case address(String)
    case search(String)
    case line(Int)

    /// Reads `+…` from the positional arguments, which may come before or after the file
    /// (`report-browser +3.2 FILE` and `report-browser FILE +3.2`); an argument that names an
    /// existing file is always the file. Returns the file and the place.
    static func split(file: String?, extra: String?, line: Int?) throws -> (file: String?, place: OpeningPlace?) {
        var file = file
        var spec = extra
        if let candidate = file, candidate.hasPrefix("+"), !FileManager.default.fileExists(atPath: candidate) {
            if let extra, extra.hasPrefix("+"), !FileManager.default.fileExists(atPath: extra) {
                throw ValidationError("two places to open at: ‘\(candidate)’ and ‘\(extra)’")
            }
            spec = candidate
            file = extra
        } else if let extra, !extra.hasPrefix("+") {
            throw ValidationError("unexpected argument ‘\(extra)’: a place to open at starts with +, as in +3.2 or +/信用修复")
        }
        var place = try spec.map(parse)
        if let line {
            guard place == nil else { throw ValidationError("--line and ‘\(spec ?? "")’ both say where to open") }
            guard line >= 1 else { throw ValidationError("--line must be 1 or more") }
            place = .line(line)
        }
        return (file, place)
    }

    static func parse(_ spec: String) throws -> OpeningPlace {
        let body = spec.hasPrefix("+") ? String(spec.dropFirst()) : spec
        if body.hasPrefix("/") {
            let term = String(body.dropFirst())
            guard !term.trimmingSpaces().isEmpty else {
                throw ValidationError("‘\(spec)’: nothing to search for after +/")
            }
            return .search(term)
        }
        guard !body.trimmingSpaces().isEmpty else {
            throw ValidationError("‘\(spec)’: give an address after +, as in +3.2, +三(二) or +L120")
        }
        if let line = SourceLineAddress.line(in: body) { return .line(line) }
        return .address(body)
    }

    /// The text the detail pane opens at, or a one-line reason it cannot be found.
    func anchor(in report: Report) -> Result<TextAnchor, OpeningPlaceError> {
        switch self {
        case .address(let address):
            let resolution = report.resolve(address)
            guard case .found(let index) = resolution else {
                return .failure(OpeningPlaceError(report.describeFailure(of: address, resolution) ?? "not found"))
            }
            return .success(TextAnchor(row: .section(index), offset: report.sections[index].ownRange.lowerBound))
        case .line(let line):
            guard line <= report.lines.count else {
                return .failure(OpeningPlaceError("line \(line) is past the end (the report has \(report.lines.count) lines)"))
            }
            return .success(Self.anchor(at: report.offset(ofSourceLine: line), in: report))
        case .search(let term):
            let results: SearchResults
            do {
                results = try SearchIndex(report: report).search(SearchQuery(term))
            } catch {
                return .failure(OpeningPlaceError(String(describing: error)))
            }
            guard let hit = results.hits.first else { return .failure(OpeningPlaceError("“\(term)” not found")) }
            return .success(Self.anchor(at: hit.range.lowerBound, in: report))
        }
    }

    /// The section holding an offset, at its line: the start of the line, so that the top
    /// of the pane shows the line whole.
    private static func anchor(at offset: Int, in report: Report) -> TextAnchor {
        let lineStart = report.offset(ofSourceLine: report.lines.line(at: offset))
        guard let section = report.section(containing: offset) else {
            return TextAnchor(row: .title, offset: lineStart)
        }
        return TextAnchor(row: .section(section), offset: max(lineStart, report.sections[section].ownRange.lowerBound))
    }
}

extension OpeningPlace {
    /// The anchor, or the reason on stderr and exit status 1, before the terminal is taken over.
    func anchorOrExit(in report: Report) throws -> TextAnchor {
        switch anchor(in: report) {
        case .success(let anchor):
            return anchor
        case .failure(let error):
            StandardStreams.error("report-browser: \(error)")
            throw ExitCode(1)
        }
    }
}

struct OpeningPlaceError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Opens the browser at a given place through the resume path: the store's remembered place is
/// replaced by it, everything else (marks, search history, saving) is the inner store's.
final class OpeningPlaceStore: ReadingStateStore {
    private let inner: (any ReadingStateStore)?
    private let place: TextAnchor

    init(inner: (any ReadingStateStore)?, place: TextAnchor) {
        self.inner = inner
        self.place = place
    }

    func load() -> (reading: RememberedReading?, notices: [String]) {
        let (reading, notices) = inner?.load() ?? (nil, [])
        var opened = reading ?? RememberedReading()
        opened.place = place
        return (opened, notices)
    }

    func save(_ reading: RememberedReading) -> [String] {
        inner?.save(reading) ?? []
    }
}
