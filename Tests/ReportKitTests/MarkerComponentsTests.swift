import ReportTestSupport
import Testing
@testable import ReportKit

/// `MarkerComponents` stands for the array of a marker's numbers: its count, last element,
/// leading part, equality and comparison with an array must be the array's.
@Suite struct MarkerComponentsTests {
    @Test func behavesAsTheArrayItStandsFor() {
        var generator = SplitMix64(seed: 0xC0_4E4E_7A)
        for _ in 0..<2_000 {
            let numbers = (0...Int(generator.next() % 4)).map { _ in Int(generator.next() % 4) }
            let components = MarkerComponents(leading: Array(numbers.dropLast()), last: numbers.last!)
            #expect(components.all == numbers)
            #expect(components.count == numbers.count)
            #expect(components.last == numbers.last)
            #expect(components.leading == Array(numbers.dropLast()))
            let other = (0...Int(generator.next() % 4)).map { _ in Int(generator.next() % 4) }
            #expect(components.equals(other) == (numbers == other), "\(numbers) \(other)")
            let otherComponents = MarkerComponents(leading: Array(other.dropLast()), last: other.last!)
            #expect((components == otherComponents) == (numbers == other))
        }
        #expect(MarkerComponents(single: 7) == MarkerComponents(leading: [], last: 7))
        #expect(!MarkerComponents(single: 7).equals([]))
    }
}
