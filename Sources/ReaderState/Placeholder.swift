/// Placeholder until the reading-state store lands.
enum ReaderStatePlaceholder {}
