import Testing
import ReportTestSupport
@testable import ReportKit

/// A piece's folding stored in the index must answer exactly as folding the piece again does.
@Suite struct StoredFoldingTests {
    private static let alphabet = Array("法治政府建设，。：；（一）㈠⑴ＡＢＣ abc\n\n  ⅷﬁ Café ｶﾞ 臺灣 12３")

    private func randomText(_ generator: inout SplitMix64, length: Int) -> String {
        String((0..<length).map { _ in Self.alphabet[Int(generator.next() % UInt64(Self.alphabet.count))] })
    }

    @Test func theSerializedMapGivesTheSameOriginalRanges() {
        var generator = SplitMix64(seed: 1515)
        for round in 0..<200 {
            // Long texts too, so that maps have many blocks.
            let text = randomText(&generator, length: round % 10 == 0 ? 3000 : Int(generator.next() % 80))
            let folded = TextFolder.fold(text)
            let restored = folded.map.serialized.withUnsafeBufferPointer { FoldMap(serialized: $0) }
            #expect(restored != nil)
            guard let restored else { continue }
            for start in 0...folded.bytes.count {
                for end in [start, min(start + 1, folded.bytes.count), min(start + 4, folded.bytes.count)] {
                    #expect(restored.originalRange(of: start..<end) == folded.map.originalRange(of: start..<end), "\(text)")
                }
            }
        }
    }

    @Test func searchingTheStoredFoldingFindsWhatFoldingFinds() {
        var generator = SplitMix64(seed: 15)
        var folder = PieceFolder()
        for _ in 0..<300 {
            let text = randomText(&generator, length: Int(generator.next() % 200))
            let query = randomText(&generator, length: 1 + Int(generator.next() % 3))
            var searcher = PieceSearcher(query: SearchQuery(query))
            let piece = folder.foldedPiece(text)
            let stored = piece.bytes.withUnsafeBufferPointer { bytes in
                piece.map.withUnsafeBufferPointer { map in
                    searcher.hits(inFolded: bytes, map: map, textCount: text.utf8.count)
                }
            }
            #expect(stored == searcher.hits(in: text), "\(query) in \(text)")
        }
    }

    @Test func aDamagedMapIsRefusedRatherThanMisread() {
        var generator = SplitMix64(seed: 7)
        let text = randomText(&generator, length: 500)
        let bytes = TextFolder.fold(text).map.serialized
        #expect(!bytes.isEmpty)
        for cut in [1, bytes.count / 2, bytes.count - 1] where cut < bytes.count {
            #expect(Array(bytes.prefix(cut)).withUnsafeBufferPointer { FoldMap(serialized: $0) } == nil)
        }
        #expect([UInt8](repeating: 0xFF, count: 12).withUnsafeBufferPointer { FoldMap(serialized: $0) } == nil)
    }
}
