#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Monotonic time in nanoseconds and the process's peak resident memory.
enum Stopwatch {
    static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    /// Runs `work` and returns its result with the elapsed milliseconds.
    static func measure<Result>(_ work: () throws -> Result) rethrows -> (result: Result, milliseconds: Double) {
        let start = now()
        let result = try work()
        return (result, milliseconds(from: start, to: now()))
    }

    static func milliseconds(from start: UInt64, to end: UInt64) -> Double {
        Double(end &- start) / 1_000_000
    }

    /// Peak resident set size so far, in bytes (what `/usr/bin/time -v` prints as
    /// "Maximum resident set size", read from the same kernel counter).
    static func peakResidentBytes() -> Int {
        var usage = rusage()
        #if canImport(Darwin)
        getrusage(RUSAGE_SELF, &usage)
        return Int(usage.ru_maxrss)
        #else
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int(usage.ru_maxrss) * 1024
        #endif
    }
}
