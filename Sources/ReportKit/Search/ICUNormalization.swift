import CICU

/// Compatibility normalisation (NFKC) and full case folding through the system ICU: what
/// Foundation's `precomposedStringWithCompatibilityMapping` and `folding(options:
/// .caseInsensitive)` did, without loading libFoundation (some 7 ms of every process's start).
/// FoundationFoldingParityTests compares the two for every scalar.
enum ICUNormalization {
    static func nfkc(_ text: String) -> String {
        transform(text, rb_icu_nfkc)
    }

    static func caseFolded(_ text: String) -> String {
        transform(text, rb_icu_fold_case)
    }

    /// Runs an ICU UTF-16 transform, retrying once with the length ICU asked for.
    private static func transform(
        _ text: String, _ body: (UnsafePointer<UChar>?, Int32, UnsafeMutablePointer<UChar>?, Int32) -> Int32
    ) -> String {
        let source = Array(text.utf16)
        var capacity = max(16, source.count * 2)
        while true {
            var output = [UChar](repeating: 0, count: capacity)
            let written = source.withUnsafeBufferPointer { input in
                output.withUnsafeMutableBufferPointer { out in
                    body(input.baseAddress, Int32(input.count), out.baseAddress, Int32(capacity))
                }
            }
            if written < 0 { return text }
            if Int(written) <= capacity {
                return String(decoding: output[0..<Int(written)], as: UTF16.self)
            }
            capacity = Int(written)
        }
    }
}
