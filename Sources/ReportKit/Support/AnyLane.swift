extension SIMDMask where Storage == SIMD16<Int8> {
    /// Whether any lane is set, as the standard library's `any(_:)` answers, in two 64-bit
    /// words: that `any` reduces the lanes through a generic `min()` that the optimizer left as
    /// a call, once per sixteen bytes of the 100 MB scans (a few per cent of a search).
    @inline(__always)
    var anyLane: Bool {
        // A mask's storage is its only stored property: lanes are 0 or -1, sixteen bytes.
        let words = unsafeBitCast(self, to: SIMD2<UInt64>.self)
        return words[0] | words[1] != 0
    }
}
