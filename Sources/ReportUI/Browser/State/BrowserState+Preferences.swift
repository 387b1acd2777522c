/// The reader's choices that outlive a session and hold for every report.
extension BrowserState {
    package var preferences: BrowserPreferences {
        BrowserPreferences(continuousReading: reader.continuous, treeShare: treeShare, sectionSizes: tree.showsSizes)
    }

    /// Takes saved preferences; a value out of range (an edited file) falls back to the default.
    mutating func adopt(_ preferences: BrowserPreferences) {
        if let continuous = preferences.continuousReading { reader.continuous = continuous }
        if let share = preferences.treeShare, BrowserLayout.treeShareRange.contains(share) { treeShare = share }
        if let sizes = preferences.sectionSizes { tree.showsSizes = sizes }
    }
}
