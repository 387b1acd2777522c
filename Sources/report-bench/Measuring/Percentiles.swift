/// Order statistics of a sample of timings.
struct Percentiles: Codable {
    let count: Int
    let median: Double
    let p95: Double
    let min: Double
    let max: Double

    /// Nearest-rank percentiles; the median of an even count is the mean of the middle two.
    init(_ samples: [Double]) {
        precondition(!samples.isEmpty, "no samples")
        let sorted = samples.sorted()
        count = sorted.count
        let middle = sorted.count / 2
        median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        let rank = Int((0.95 * Double(sorted.count)).rounded(.up))
        p95 = sorted[Swift.max(0, Swift.min(sorted.count - 1, rank - 1))]
        min = sorted[0]
        max = sorted[sorted.count - 1]
    }
}
