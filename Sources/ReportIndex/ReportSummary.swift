import FoundationEssentials
import ReportKit

/// What a library list shows of a report: its title, date and issuer from the metadata rows,
/// the file name when the report has no title.
public struct ReportSummary: Sendable, Hashable {
    public let title: String
    /// As written in the report (`2025-02-24 09:44`, `2024年3月5日`); empty when absent.
    public let date: String
    /// 发布机构, else 信息来源 / 来源 / 发文机关; empty when absent.
    public let issuer: String

    public init(title: String, date: String, issuer: String) {
        self.title = title
        self.date = date
        self.issuer = issuer
    }

    static let dateKeys = ["发布日期", "发布时间", "成文日期", "日期", "时间"]
    static let issuerKeys = ["发布机构", "发文机关", "信息来源", "来源", "发布单位"]

    public init(report: Report, fileName: String) {
        func value(for keys: [String]) -> String {
            for key in keys {
                if let entry = report.metadata.first(where: { $0.key == key }) { return entry.value }
            }
            return ""
        }
        let title = report.title.trimmingSpaces()
        self.init(title: title.isEmpty ? fileName : title, date: value(for: Self.dateKeys), issuer: value(for: Self.issuerKeys))
    }
}
