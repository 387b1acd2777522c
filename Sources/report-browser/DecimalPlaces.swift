import Glibc

/// `%.Nf` formatting, which String(format:) gave from Foundation; C's own printf rounds the
/// same way, so the output is unchanged.
enum DecimalPlaces {
    static func text(_ value: Double, places: Int) -> String {
        var buffer = [CChar](repeating: 0, count: 64)
        let written = withVaList([value]) { arguments in
            vsnprintf(&buffer, buffer.count, "%.\(places)f", arguments)
        }
        guard written >= 0, Int(written) < buffer.count else { return String(value) }
        return String(decoding: buffer.prefix(Int(written)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
