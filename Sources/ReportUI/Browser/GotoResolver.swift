import Foundation
import ReportKit

/// Turns what was typed at the `:` prompt into a section.
///
/// TEMPORARY: a stand-in for `Report.resolve(_:)` from ReportKit (exact address or heading
/// keyword only) until the parser branch lands here.
package enum GotoResolver {
    package enum Outcome: Hashable, Sendable {
        case found(Int)
        case ambiguous([Int])
        case notFound
    }

    package static func resolve(_ query: String, in report: Report) -> Outcome {
        let query = query.trimmingCharacters(in: .whitespaces)
        if let exact = report.sections.firstIndex(where: { $0.address == query }) { return .found(exact) }
        let matches = report.sections.indices.filter { report.sections[$0].heading.contains(query) }
        switch matches.count {
        case 0: return .notFound
        case 1: return .found(matches[0])
        default: return .ambiguous(matches)
        }
    }
}
