import FoundationEssentials

/// Figures as JSON for scripts and as CSV for spreadsheets.
public enum FigureExport {
    /// `{"figures": [{"address", "line", "text", "value", "unit", "kind", "direction",
    /// "qualifier", "subject", "sentence"}]}`; with several reports each row also names its `file`.
    public static func json(_ rows: [(file: String?, figure: Figure)]) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.objects("figures", rows) { writer, row in
            let (file, figure) = row
            writer.field("file", ifPresent: file)
            writer.sectionReference(address: figure.address, line: figure.line)
            writer.field("text", figure.text)
            writer.key("value")
            writer.literal(numberLiteral(figure.value))
            writer.field("unit", figure.unit)
            writer.field("kind", figure.kind.rawValue)
            writer.key("direction")
            optional(&writer, figure.direction?.rawValue)
            writer.key("qualifier")
            optional(&writer, figure.qualifier)
            writer.field("subject", figure.subject)
            writer.field("sentence", figure.sentence)
        }
        writer.endObject()
        return writer.output + "\n"
    }

    public static let csvHeader = [
        "file", "address", "line", "text", "value", "upper", "unit", "kind", "direction", "qualifier", "subject", "sentence",
    ]

    /// RFC 4180 CSV with CRLF rows and a UTF-8 byte order mark, so Excel opens the Chinese intact.
    public static func csv(_ rows: [(file: String?, figure: Figure)]) -> String {
        var output = "\u{FEFF}"
        output += csvHeader.map(csvField).joined(separator: ",") + "\r\n"
        for (file, figure) in rows {
            let fields = [
                file ?? "", figure.address, String(figure.line), figure.text, numberLiteral(figure.value),
                figure.upperValue.map(numberLiteral) ?? "", figure.unit, figure.kind.rawValue,
                figure.direction?.rawValue ?? "", figure.qualifier ?? "", figure.subject, figure.sentence,
            ]
            output += fields.map(csvField).joined(separator: ",") + "\r\n"
        }
        return output
    }

    /// Quoted when it holds a comma, quote, line break or edge space; quotes doubled.
    public static func csvField(_ field: String) -> String {
        let needsQuotes = field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            || field.first == " " || field.last == " "
        guard needsQuotes else { return field }
        return "\"" + field.replacing("\"", with: "\"\"") + "\""
    }

    /// Plain decimal notation (20010000000, 98.97), never an exponent.
    public static func numberLiteral(_ value: Decimal) -> String {
        DecimalText.rounded(value, scale: 12)
    }

    private static func optional(_ writer: inout JSONWriter, _ text: String?) {
        if let text { writer.value(text) } else { writer.literal("null") }
    }
}
