import Testing

@testable import ReportUI

@Suite struct GlyphsTests {
    private static func pieces(_ glyphs: Glyphs) -> [String] {
        [
            glyphs.branch, glyphs.lastBranch, glyphs.vertical, glyphs.space, glyphs.expanded,
            glyphs.collapsed, glyphs.leaf, glyphs.horizontalRule, glyphs.verticalRule, glyphs.ellipsis,
        ]
    }

    @Test(arguments: [Glyphs.unicode, Glyphs.ascii])
    func treeGuidePiecesLineUp(glyphs: Glyphs) {
        let guides = [glyphs.branch, glyphs.lastBranch, glyphs.vertical, glyphs.space]
        #expect(guides.allSatisfy { DisplayWidth.of($0) == glyphs.guideWidth })
        #expect(glyphs.guideWidth == 2)
        for marker in [glyphs.expanded, glyphs.collapsed, glyphs.leaf, glyphs.horizontalRule, glyphs.verticalRule] {
            #expect(DisplayWidth.of(marker) == 1, "\(marker)")
        }
    }

    @Test func asciiAvoidsAmbiguousCharacters() {
        let scalars = Self.pieces(.ascii).flatMap(\.unicodeScalars)
        #expect(scalars.allSatisfy { $0.isASCII })
        #expect(Glyphs.ascii.ellipsis == "...")
    }

    @Test func unicodeUsesBoxDrawing() {
        #expect(Glyphs.unicode.branch == "├─")
        #expect(Glyphs.unicode.lastBranch == "└─")
        // The reason the ASCII set exists: these draw two cells wide on some CJK terminals.
        #expect(Glyphs.unicode.branch.unicodeScalars.allSatisfy { DisplayWidth.isAmbiguous($0) })
        #expect(Glyphs.unicode.ellipsis.unicodeScalars.allSatisfy { DisplayWidth.isAmbiguous($0) })
    }
}
