#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Monotonic time and CPU time in nanoseconds, and the process's peak resident memory.
///
/// CPU time is reported beside wall time because the benchmark machine is shared: when other
/// work competes for the two cores, wall time grows and CPU time barely moves.
enum Stopwatch {
    static func now() -> UInt64 {
        read(CLOCK_MONOTONIC)
    }

    /// CPU time of the whole process (it has one thread doing the work).
    static func cpuNow() -> UInt64 {
        read(CLOCK_PROCESS_CPUTIME_ID)
    }

    private static func read(_ clock: clockid_t) -> UInt64 {
        var time = timespec()
        clock_gettime(clock, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    /// Runs `work` and returns its result with the elapsed milliseconds.
    static func measure<Result>(_ work: () throws -> Result) rethrows -> (result: Result, milliseconds: Double) {
        let start = now()
        let result = try work()
        return (result, milliseconds(from: start, to: now()))
    }

    /// Runs `work` and returns its result with the elapsed wall and CPU milliseconds.
    static func measureWithCPU<Result>(
        _ work: () throws -> Result
    ) rethrows -> (result: Result, milliseconds: Double, cpuMilliseconds: Double) {
        let start = now()
        let cpuStart = cpuNow()
        let result = try work()
        let cpuEnd = cpuNow()
        return (result, milliseconds(from: start, to: now()), milliseconds(from: cpuStart, to: cpuEnd))
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
