import Foundation
import Testing

import ReportKit

@Suite("Bundled report")
struct BundledReportTests {
    @Test("the embedded bytes are the seed file, byte for byte")
    func bytesMatchSeed() throws {
        let url = DecodingFixtures.repositoryRoot.appendingPathComponent("seeds").appendingPathComponent(BundledReport.name)
        let file = [UInt8](try Data(contentsOf: url))
        #expect(!file.isEmpty)
        #expect(BundledReport.bytes.count == file.count)
        #expect(BundledReport.bytes == file, "stale: run scripts/embed-seed.py")
    }

    @Test("the embedded report decodes as clean UTF-8")
    func decodes() throws {
        let decoded = try TextDecoder.decode(BundledReport.bytes)
        #expect(decoded.encoding == .utf8)
        #expect(decoded.warnings == [])
        #expect(decoded.text.hasPrefix("杭州市钱塘区人民政府"))
    }
}
