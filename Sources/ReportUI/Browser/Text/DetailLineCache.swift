/// Wrapped lines per unit at one width, kept by the run loop between frames so a key press
/// re-wraps nothing it has laid out before. Not part of `BrowserState`: it is a memo, and the
/// state stays a plain value.
package final class DetailLineCache {
    private var width = -1
    private var glyphs: BrowserGlyphs?
    /// Reflow changes every body unit's lines, and which units there are.
    private var reflow: HardWrapProfile?
    private var lines: [DetailUnit: [DetailLine]] = [:]
    /// Bounds memory on long sessions; a full flush is cheap to refill, only the visible
    /// units are laid out again.
    private let capacity: Int

    package init(capacity: Int = 20_000) {
        self.capacity = capacity
    }

    package func lines(
        of unit: DetailUnit, width: Int, glyphs: BrowserGlyphs, reflow: HardWrapProfile? = nil,
        make: () -> [DetailLine]
    ) -> [DetailLine] {
        if width != self.width || glyphs != self.glyphs || reflow != self.reflow {
            lines.removeAll(keepingCapacity: true)
            self.width = width
            self.glyphs = glyphs
            self.reflow = reflow
        }
        if let cached = lines[unit] { return cached }
        if lines.count >= capacity { lines.removeAll(keepingCapacity: true) }
        let made = make()
        lines[unit] = made
        return made
    }
}
