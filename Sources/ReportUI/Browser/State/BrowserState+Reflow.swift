/// Reflow (`=`): a hard-wrapped source's cut lines shown joined and re-broken at the pane's
/// width. The reading place is a source byte either way, so the same words stay at the top.
extension BrowserState {
    mutating func toggleReflow() {
        guard let profile = reader.hardWrap else {
            message = Message(text: "The source is not hard-wrapped: its lines are shown as written", isError: false)
            return
        }
        reader.reflowOn.toggle()
        message = Message(
            text: reader.reflowOn
                ? "Reflowed: lines the source cut at \(profile.wrapWidth) columns are joined"
                : "As cut: the source's lines are shown as they are, cut at \(profile.wrapWidth) columns",
            isError: false)
    }
}
