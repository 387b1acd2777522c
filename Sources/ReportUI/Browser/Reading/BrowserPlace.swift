/// A place a reader can return to: the row selected and where its text was scrolled to. The
/// browser's own, in screen terms (it may point at a breadcrumb line); ReaderState's
/// `ReadingPlace` is the stored form, in words of the text, and the two meet only in the
/// executable's bridge through `TextAnchor`.
package struct BrowserPlace: Hashable, Sendable {
    package var row: OutlineRow
    package var position: DetailPosition

    package init(row: OutlineRow, position: DetailPosition) {
        self.row = row
        self.position = position
    }
}
