import ArgumentParser
import ReportUI

/// `--ambiguous-wide` and REPORT_BROWSER_AMBIGUOUS, applied before the first frame.
enum AmbiguousWidthChoice {
    static func apply(flag: Bool, environment: [String: String]) throws {
        switch AmbiguousWidth.chosen(flag: flag, environment: environment) {
        case .success(let width):
            DisplayWidth.useAmbiguous(width)
        case .failure(let error):
            throw ValidationError(error.description)
        }
    }
}
