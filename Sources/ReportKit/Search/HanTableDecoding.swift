/// Reads the number lists of the generated Han tables (scripts/generate-han-tables.py): each
/// number is written five bits per character, most significant first, in continuation digits
/// ending with one final digit.
enum HanTableDecoding {
    static func numbers(in encoded: String) -> [UInt32] {
        let continuation = digitValues(HanReadingsTable.continueDigits)
        let final = digitValues(HanReadingsTable.finalDigits)
        var numbers: [UInt32] = []
        var value: UInt32 = 0
        for byte in encoded.utf8 {
            if let digit = continuation[Int(byte)] {
                value = value << 5 | digit
            } else if let digit = final[Int(byte)] {
                numbers.append(value << 5 | digit)
                value = 0
            }
        }
        return numbers
    }

    /// Running sums of delta-coded ascending values.
    static func ascending(fromDeltas deltas: [UInt32]) -> [UInt32] {
        var total: UInt32 = 0
        return deltas.map { delta in
            total += delta
            return total
        }
    }

    private static func digitValues(_ digits: String) -> [UInt32?] {
        var values = [UInt32?](repeating: nil, count: 256)
        for (value, byte) in digits.utf8.enumerated() { values[Int(byte)] = UInt32(value) }
        return values
    }
}
