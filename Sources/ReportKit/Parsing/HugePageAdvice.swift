#if canImport(Glibc)
import Glibc
#endif

/// Asks Linux to back the reserved storage of a large array with transparent huge pages. The
/// 100 MB report's 436,000 sections fill ≈ 108 MB, and touching it 4 KiB at a time took a
/// page fault per page (≈ 26,000, a tenth of the scan's time); with huge pages it is a few
/// dozen. Only a hint: where the kernel keeps huge pages for `madvise` regions (the common
/// default) it applies, elsewhere the call fails or does nothing, and the array is unchanged.
enum HugePageAdvice {
    /// Below this the storage spans too few 2 MiB pages to matter.
    static let minimumBytes = 8 << 20

    static func advise<Element>(reservedStorageOf array: inout [Element]) {
        #if os(Linux)
        let length = array.capacity * MemoryLayout<Element>.stride
        guard length >= minimumBytes else { return }
        array.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let page = Int(sysconf(Int32(_SC_PAGESIZE)))
            let start = (Int(bitPattern: base) + page - 1) / page * page
            let end = (Int(bitPattern: base) + length) / page * page
            guard end > start, let address = UnsafeMutableRawPointer(bitPattern: start) else { return }
            _ = madvise(address, end - start, MADV_HUGEPAGE)
        }
        #endif
    }
}
