/// When a keyword query also matches Han text by its pinyin (`xyxf`, `xinyong` for 信用修复).
public enum PinyinMatching: String, Sendable, Hashable, CaseIterable {
    /// Only when the whole query matches nothing literally and has a term of plain ASCII
    /// letters: a reader without a Chinese input method types pinyin, and an English word that
    /// is in the text is still found as itself.
    case automatic
    /// Terms of plain ASCII letters match as pinyin as well as literally.
    case always
    case never
}

import Dispatch

extension PinyinMatching {
    /// Decodes the reading tables (some 20 ms, once per process) on a thread of their own, so
    /// that the first pinyin letter typed does not pay for them; a query that comes first
    /// simply waits for the same decoding.
    public static func prepareReadingsInBackground() {
        _ = startPreparing
    }

    private static let startPreparing: Void = {
        DispatchQueue.global(qos: .utility).async { _ = HanReadings.shared }
    }()
}
