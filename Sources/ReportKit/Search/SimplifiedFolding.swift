/// Traditional-only Han characters and their simplified forms (Unihan's kSimplifiedVariant, see
/// scripts/generate-han-tables.py), so that search folds `發展` and `发展` to the same text.
struct SimplifiedFolding: Sendable {
    static let shared = SimplifiedFolding()

    /// The ideographs the folder copies without looking them up, U+4000–U+9FFF (UTF-8 lead
    /// bytes E4–E9).
    static let fastRange: Range<UInt32> = 0x4000..<0xA000

    /// One bit per scalar of `fastRange`: set when it folds to another character, so the
    /// folder's fast path leaves it to the slow one. A pointer, allocated once for the process
    /// and never freed, so the hot loop reads it without retains or bounds checks.
    nonisolated(unsafe) let fastRangeBits: UnsafePointer<UInt64>
    private let simplified: [UInt32: UInt32]

    private init() {
        let numbers = HanTableDecoding.numbers(in: HanVariantsTable.traditionalToSimplified.joined())
        var simplified: [UInt32: UInt32] = [:]
        var bits = [UInt64](repeating: 0, count: Self.fastRange.count / 64)
        var traditional: UInt32 = 0
        var position = 0
        while position + 1 < numbers.count {
            traditional += numbers[position]
            simplified[traditional] = numbers[position + 1]
            if Self.fastRange.contains(traditional) {
                let bit = Int(traditional - Self.fastRange.lowerBound)
                bits[bit >> 6] |= 1 << UInt64(bit & 63)
            }
            position += 2
        }
        self.simplified = simplified
        let storage = UnsafeMutablePointer<UInt64>.allocate(capacity: bits.count)
        storage.initialize(from: bits, count: bits.count)
        fastRangeBits = UnsafePointer(storage)
    }

    /// The simplified form of a traditional-only character; nil for anything else.
    func simplified(of scalar: UInt32) -> UInt32? {
        simplified[scalar]
    }

    var count: Int { simplified.count }

    /// Every traditional-only character whose simplified form is `scalar`.
    func traditionalForms(of scalar: UInt32) -> [UInt32] {
        simplified.compactMap { $0.value == scalar ? $0.key : nil }.sorted()
    }

    /// Replaces every traditional-only character of `text` by its simplified form.
    func folding(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { simplified[$0.value] != nil }) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let target = simplified[scalar.value], let folded = Unicode.Scalar(target) {
                result.append(folded)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }
}
