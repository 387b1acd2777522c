/// A small streaming JSON writer that keeps keys in the order they are written, so the CLI's
/// output has the documented shape and reads naturally. Foundation's encoders sort or shuffle
/// keys and would also hold a second copy of a 100 MB export in memory.
public struct JSONWriter {
    public private(set) var output = ""
    private var needsComma: [Bool] = [false]
    private let pretty: Bool

    public init(pretty: Bool = true) {
        self.pretty = pretty
    }

    public mutating func beginObject() { beginContainer("{") }
    public mutating func endObject() { endContainer("}") }
    public mutating func beginArray() { beginContainer("[") }
    public mutating func endArray() { endContainer("]") }

    public mutating func key(_ name: String) {
        separate()
        appendString(name)
        output += pretty ? ": " : ":"
        // The value that follows belongs to this key: no comma or newline before it.
        pendingKey = true
    }

    public mutating func value(_ text: some StringProtocol) {
        separate()
        appendString(text)
    }

    public mutating func value(_ number: Int) {
        separate()
        output += String(number)
    }

    /// A JSON token written as is: a number literal, `null`, `true` or `false`.
    public mutating func literal(_ token: String) {
        separate()
        output += token
    }

    /// A fraction written with at most three decimals, enough for scores and short for scripts.
    public mutating func value(fraction: Double) {
        separate()
        let thousandths = Int((max(0, fraction) * 1000).rounded())
        let decimals = String(thousandths % 1000)
        output += String(thousandths / 1000) + "." + String(repeating: "0", count: 3 - decimals.count) + decimals
    }

    public mutating func null() {
        literal("null")
    }

    private var pendingKey = false

    private mutating func beginContainer(_ bracket: Character) {
        separate()
        output.append(bracket)
        needsComma.append(false)
    }

    private mutating func endContainer(_ bracket: Character) {
        let hadItems = needsComma.removeLast()
        if pretty, hadItems { newline() }
        output.append(bracket)
    }

    private mutating func separate() {
        if pendingKey {
            pendingKey = false
            return
        }
        if needsComma[needsComma.count - 1] { output += "," }
        if pretty, needsComma.count > 1 { newline() }
        needsComma[needsComma.count - 1] = true
    }

    private mutating func newline() {
        output += "\n"
        output += String(repeating: "  ", count: needsComma.count - 1)
    }

    private mutating func appendString(_ text: some StringProtocol) {
        output.append("\"")
        var plainStart = text.startIndex
        var index = text.startIndex
        let scalars = text.unicodeScalars
        var scalarIndex = scalars.startIndex
        while scalarIndex < scalars.endIndex {
            let scalar = scalars[scalarIndex]
            let escaped: String?
            switch scalar {
            case "\"": escaped = "\\\""
            case "\\": escaped = "\\\\"
            case "\n": escaped = "\\n"
            case "\r": escaped = "\\r"
            case "\t": escaped = "\\t"
            default:
                // Control characters and bidi overrides are escaped so the JSON is safe to print.
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                    || (0x2028...0x2029).contains(scalar.value) || (0x202A...0x202E).contains(scalar.value)
                    || (0x2066...0x2069).contains(scalar.value) {
                    escaped = "\\u" + hex4(scalar.value)
                } else {
                    escaped = nil
                }
            }
            let next = scalars.index(after: scalarIndex)
            if let escaped {
                index = scalarIndex
                output += text[plainStart..<index]
                output += escaped
                plainStart = next
            }
            scalarIndex = next
        }
        output += text[plainStart..<text.endIndex]
        output.append("\"")
    }

    private func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
