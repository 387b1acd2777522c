import ReportTestSupport
import Testing
@testable import ReportKit

/// `anyLane` must answer as the standard library's `any(_:)` on every mask the vector scans make.
@Suite struct AnyLaneTests {
    @Test func agreesWithAnyOnEveryLaneAndOnRandomMasks() {
        let none = SIMD16<UInt8>(repeating: 0) .== SIMD16<UInt8>(repeating: 1)
        #expect(!none.anyLane && !any(none))
        for lane in 0..<16 {
            var bytes = SIMD16<UInt8>(repeating: 7)
            bytes[lane] = 9
            let mask = bytes .== SIMD16<UInt8>(repeating: 9)
            #expect(mask.anyLane && any(mask), "lane \(lane)")
        }
        var generator = SplitMix64(seed: 0xA11_1A2E)
        for _ in 0..<5_000 {
            var bytes = SIMD16<UInt8>()
            for lane in 0..<16 { bytes[lane] = UInt8(truncatingIfNeeded: generator.next() % 24) }
            let mask = bytes .== SIMD16<UInt8>(repeating: 3)
            #expect(mask.anyLane == any(mask))
        }
    }
}
