import FoundationEssentials

/// RFC 3339 dates (`2025-03-01T10:15:00.123Z`) as ISO8601DateFormatter's `.withInternetDateTime`
/// wrote and read them, through FoundationEssentials' format style instead of Foundation.
struct InternetDateText {
    let fractionalSeconds: Bool

    private var style: Date.ISO8601FormatStyle {
        Date.ISO8601FormatStyle(includingFractionalSeconds: fractionalSeconds)
    }

    func string(from date: Date) -> String {
        style.format(date)
    }

    func date(from text: String) -> Date? {
        try? style.parse(text)
    }
}
