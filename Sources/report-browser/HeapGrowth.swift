#if canImport(Glibc)
import CMalloc
#endif

/// How the C heap grows, for commands that allocate on several threads at once.
enum HeapGrowth {
    /// Heaps grow in steps of 8 MiB (address space; pages are still touched one by one). A
    /// thread's heap otherwise grows by a page or so at a time, each step an `mprotect` call:
    /// `search -c` over ten thousand reports made about 1,200 of them, an eighth of its time.
    /// Free memory kept at the top of a heap stays under the same 8 MiB.
    static func inLargeSteps() {
        #if canImport(Glibc)
        _ = mallopt(M_TOP_PAD, 8 << 20)
        #endif
    }
}
