import ReportTestSupport
import Testing
@testable import ReportKit

/// Subtree counts kept as running totals over the sections with hits must read like the dense
/// array they replace, from one section with hits to nearly all of them.
@Suite struct SearchSubtreeCountsTests {
    /// A random tree in pre-order: each section's parent is the section before it or one of
    /// that one's ancestors, or none.
    static func randomParents(count: Int, using random: inout SplitMix64) -> [Int32] {
        var parents: [Int32] = []
        for index in 0..<count {
            var chain: [Int32] = []
            var node = Int32(index - 1)
            while node >= 0 {
                chain.append(node)
                node = parents[Int(node)]
            }
            let pick = Int.random(in: 0...chain.count, using: &random)
            parents.append(pick == chain.count ? -1 : chain[pick])
        }
        return parents
    }

    @Test func countsMatchSummingEverySubtreeByHand() {
        var random = SplitMix64(seed: 0xC0_0A75)
        for round in 0..<200 {
            let sectionCount = Int.random(in: 1...80, using: &random)
            let parents = Self.randomParents(count: sectionCount, using: &random)
            // From one section with hits to nearly all of them, to cover both ways of summing.
            let withHits = Array((0..<sectionCount).shuffled(using: &random).prefix(Int.random(in: 0...sectionCount, using: &random))).sorted()
            let own = withHits.map { (section: $0, count: Int.random(in: 1...4, using: &random)) }
            var expected = [Int](repeating: 0, count: sectionCount)
            for (section, count) in own {
                var current = section
                while current >= 0 {
                    expected[current] += count
                    current = Int(parents[current])
                }
            }
            let counts = SubtreeHitCounts(own: own, tree: SectionTree(parents: parents))
            #expect(Array(counts) == expected, "round \(round)")
            #expect(counts.countedSections == expected.indices.filter { expected[$0] > 0 }, "round \(round)")
        }
    }
}
