import ReportKit

/// How a search result names the piece it is in: the section's address and heading, or
/// `front` and the title for the front matter, as `search` has always printed them.
struct PieceLabel {
    let address: String
    let heading: String

    init(report: Report, section: Int?) {
        guard let section else {
            address = "front"
            heading = report.title.isEmpty ? "(before the first section)" : report.title
            return
        }
        address = report.sections[section].address
        heading = OutlineExport.displayHeading(report.sections[section])
    }
}
