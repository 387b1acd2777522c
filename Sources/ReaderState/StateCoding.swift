import FoundationEssentials

/// The JSON form of state files: sorted keys and indentation so a file can be read and
/// diffed by hand; dates as ISO 8601 with milliseconds, so merges can still order two
/// changes made within the same second.
enum StateCoding {
    static func encode(_ state: DocumentState) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(formatter(fractional: true).string(from: date))
        }
        var data = try encoder.encode(state)
        data.append(UInt8(ascii: "\n"))
        return data
    }

    static func decode(_ data: Data) throws -> DocumentState {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = formatter(fractional: true).date(from: text) ?? formatter(fractional: false).date(from: text)
            else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO 8601 date: \(text)")
            }
            return date
        }
        return try decoder.decode(DocumentState.self, from: data)
    }

    /// The format version alone, read before anything else so a newer file is recognised even
    /// if the rest of it would not decode here.
    static func formatVersion(of data: Data) -> Int? {
        struct Probe: Decodable { let formatVersion: Int }
        return try? JSONDecoder().decode(Probe.self, from: data).formatVersion
    }

    private static func formatter(fractional: Bool) -> InternetDateText {
        InternetDateText(fractionalSeconds: fractional)
    }
}
