import FoundationEssentials

/// Folding for comparing what a reader types with what a report says: compatibility forms
/// (`（` = `(`, `１` = `1`), case, and all whitespace are ignored.
enum AddressFolding {
    static func fold(_ text: some StringProtocol) -> String {
        let compatible = ICUNormalization.nfkc(String(text)).lowercased()
        var view = String.UnicodeScalarView()
        for scalar in compatible.unicodeScalars where !LayoutSpace.contains(scalar) && !scalar.properties.isWhitespace {
            view.append(scalar)
        }
        return String(view)
    }
}
