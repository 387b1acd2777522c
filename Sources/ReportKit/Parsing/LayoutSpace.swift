/// Characters that only lay text out: spaces of every width, tabs, and the zero-width ones that
/// extraction from web pages and word processors scatters around markers.
enum LayoutSpace {
    static func contains(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0B, 0x0C, 0xA0, 0x1680, 0x2000...0x200D, 0x2028, 0x2029,
             0x202F, 0x205F, 0x2060, 0x3000, 0xFEFF:
            return true
        default:
            return false
        }
    }

    static func isBlank(_ text: some StringProtocol) -> Bool {
        text.unicodeScalars.allSatisfy { contains($0) || $0 == "\n" || $0 == "\r" }
    }

    /// Removes every layout space, for comparing texts that differ only in padding.
    static func removingAll(from text: some StringProtocol) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !contains(scalar) && scalar != "\n" && scalar != "\r" {
            scalars.append(scalar)
        }
        return String(scalars)
    }

    static func trimmed(_ text: some StringProtocol) -> String {
        let scalars = Array(text.unicodeScalars)
        var start = 0
        var end = scalars.count
        while start < end, contains(scalars[start]) || scalars[start] == "\r" { start += 1 }
        while end > start, contains(scalars[end - 1]) || scalars[end - 1] == "\r" { end -= 1 }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(view)
    }
}

extension Unicode.Scalar {
    /// CJK ideographs (all extensions), the numerals 〇, and compatibility ideographs.
    var isIdeograph: Bool {
        switch value {
        case 0x3007, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF:
            return true
        default:
            return false
        }
    }

    /// ASCII and full-width decimal digits, as their value.
    var decimalDigitValue: Int? {
        switch value {
        case 0x30...0x39: return Int(value - 0x30)
        case 0xFF10...0xFF19: return Int(value - 0xFF10)
        default: return nil
        }
    }
}
