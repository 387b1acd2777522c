import FoundationEssentials
import ReportKit

/// Decodes a saved page. The bytes decide before the declaration does: government pages often
/// declare `gb2312` and are saved as UTF-8 by the browser (or the other way round), and valid
/// UTF-8 is almost never GBK by accident. So: `--encoding`, then a byte order mark, then valid
/// UTF-8, then GB18030 (a superset of GBK and GB2312) — the text decoder's own order — and the
/// declaration is only checked against the result, and names the charset we cannot read.
enum HTMLCharset {
    static func decode(_ bytes: [UInt8], forced: TextEncoding?) throws(ImportFailure) -> (text: String, warnings: [String]) {
        let declared = declaredCharset(in: bytes)
        do {
            let decoded = try TextDecoder.decode(bytes, forcing: forced)
            var warnings = decoded.warnings
            if forced == nil, let declared, let claimed = TextEncoding(name: declared), claimed != decoded.encoding {
                warnings.append("the page declares charset \(declared) but its bytes are \(decoded.encoding.displayName); read as \(decoded.encoding.displayName)")
            } else if forced == nil, let declared, TextEncoding(name: declared) == nil, !isASCIIName(declared) {
                warnings.append("the page declares charset \(declared), which is not supported; read as \(decoded.encoding.displayName)")
            }
            return (decoded.text, warnings)
        } catch {
            if let declared, TextEncoding(name: declared) == nil {
                throw ImportFailure("the page's charset \(declared) is not supported (\(error))")
            }
            throw ImportFailure("\(error)")
        }
    }

    private static func isASCIIName(_ name: String) -> Bool {
        ["us-ascii", "ascii", "iso-8859-1", "latin1", "windows-1252"].contains(name)
    }

    /// The charset a `<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">`
    /// names in the first kilobytes, lower-cased.
    static func declaredCharset(in bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(8192), as: UTF8.self).lowercased()
        var searchStart = head.startIndex
        while let found = head[searchStart...].firstRange(of: "charset") {
            searchStart = found.upperBound
            guard head[..<found.lowerBound].contains("<meta") else { continue }
            var rest = head[found.upperBound...].drop { $0 == " " }
            guard rest.first == "=" else { continue }
            rest = rest.dropFirst().drop { $0 == " " || $0 == "\"" || $0 == "'" }
            let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ":" || $0 == "." }
            if !name.isEmpty { return String(name) }
        }
        return nil
    }
}
