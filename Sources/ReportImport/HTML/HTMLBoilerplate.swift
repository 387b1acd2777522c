/// What in a saved page is not the report: the rules are about the genre of government pages
/// (site chrome, toolbars, link lists), not about any one site.
enum HTMLBoilerplate {
    /// Elements whose whole content is never report text.
    static let droppedElements: Set<String> = [
        "head", "script", "style", "noscript", "template", "nav", "iframe", "frame", "frameset", "canvas", "svg",
        "select", "option", "button", "input", "textarea", "object", "embed", "audio", "video", "map", "header",
        "footer", "aside", "menu",
    ]

    /// `class`/`id` words that mark site chrome. Whole words only (split at anything not a
    /// letter or digit), so `top-nav` is chrome and `canvas` or `navy` are not.
    static let chromeWords: Set<String> = [
        "nav", "navbar", "navigation", "menu", "menubar", "breadcrumb", "breadcrumbs", "crumb", "crumbs",
        "footer", "toolbar", "share", "sharebar", "sidebar", "related", "relatedlinks", "friendlink", "topbar",
        "banner", "copyright", "dqwz", "qrcode",
    ]

    /// ARIA roles of chrome.
    static let chromeRoles: Set<String> = ["navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "toolbar"]

    static func isChrome(classAndID: String) -> Bool {
        var word = ""
        for character in classAndID.lowercased() {
            if character.isLetter || character.isNumber {
                word.append(character)
            } else {
                if chromeWords.contains(word) { return true }
                word = ""
            }
        }
        return chromeWords.contains(word)
    }

    /// Words a page toolbar is made of. A line made only of these (and brackets, bars, colons)
    /// is a toolbar, not text: `【打印】【关闭】`, `字号：大 中 小`, `扫一扫在手机打开当前页`.
    static let toolbarWords: [String] = [
        "扫一扫在手机打开当前页", "扫一扫在手机上查看当前页面", "用手机扫描二维码", "打印本页", "关闭窗口", "打印此页", "返回顶部",
        "分享到", "我要纠错", "收藏本页", "加入收藏", "字号", "字体", "打印", "关闭", "保存", "收藏", "分享", "纠错", "默认",
        "大", "中", "小", "顶部", "返回", "下载",
    ]

    /// Lines that head a related-links list.
    static let linkListHeadings: Set<String> = ["相关链接", "相关文章", "相关阅读", "相关新闻", "相关文件", "友情链接", "相关稿件", "延伸阅读"]

    private static let toolbarPunctuation: Set<Character> = Set(" \t\u{3000}\u{A0}【】[]|｜/:：·•-—()（）<>《》")

    /// Every scalar a toolbar line can hold: body lines fail on their first few characters.
    private static let toolbarScalars: Set<UInt32> = Set(
        (toolbarWords.joined() + String(toolbarPunctuation)).unicodeScalars.map(\.value))

    static func isToolbarLine(_ line: String) -> Bool {
        // Toolbars are short; body lines are rejected before any character is looked at.
        guard line.utf8.count <= 160, line.unicodeScalars.allSatisfy({ toolbarScalars.contains($0.value) }) else { return false }
        var rest = Substring(line).filter { !toolbarPunctuation.contains($0) }[...]
        if rest.isEmpty { return false }
        outer: while !rest.isEmpty {
            for word in toolbarWords where rest.hasPrefix(word) {
                rest = rest.dropFirst(word.count)
                continue outer
            }
            return false
        }
        return true
    }
}
