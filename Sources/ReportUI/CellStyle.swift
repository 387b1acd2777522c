/// The eight basic terminal colours plus the terminal's own default, which is what keeps a
/// theme readable on both dark and light backgrounds.
public enum TerminalColor: Int, Hashable, Sendable, CaseIterable {
    case terminalDefault = -1
    case black = 0, red, green, yellow, blue, magenta, cyan, white
}

public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let reverse = TextAttributes(rawValue: 1 << 1)
    public static let underline = TextAttributes(rawValue: 1 << 2)
    public static let dim = TextAttributes(rawValue: 1 << 3)
}

/// How one cell is drawn. The render layer chooses these through a Theme; the terminal adapter
/// only realises them.
public struct CellStyle: Hashable, Sendable {
    public var foreground: TerminalColor
    public var background: TerminalColor
    public var attributes: TextAttributes

    public init(
        foreground: TerminalColor = .terminalDefault,
        background: TerminalColor = .terminalDefault,
        attributes: TextAttributes = []
    ) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    public static let plain = CellStyle()
}
