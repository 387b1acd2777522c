import FoundationEssentials

/// Whether bytes are a JSON document (an object or array at the top, as JSONSerialization
/// required by default), checked without Foundation: JSONDecoder parses the whole input before
/// it hands anything to a type, so a type that accepts any value checks the syntax alone.
enum JSONSyntax {
    static func isDocument(_ data: Data) -> Bool {
        let first = data.first { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }
        guard first == UInt8(ascii: "{") || first == UInt8(ascii: "[") else { return false }
        return (try? JSONDecoder().decode(AnyValue.self, from: data)) != nil
    }

    private struct AnyValue: Decodable {
        init(from decoder: any Decoder) throws {}
    }
}
