import Foundation

/// The log's one notion of time: whole milliseconds. The hash covers the time in milliseconds,
/// and both backends keep at least that precision (SQLite keeps microseconds, so a value stored
/// with sub-millisecond digits could round the other way when read back).
extension Date {
    /// This moment cut to a whole millisecond, as an entry is stored.
    var wholeMilliseconds: Date { Date(timeIntervalSince1970: (timeIntervalSince1970 * 1000).rounded(.down) / 1000) }

    /// Milliseconds since 1970, as the hash and the verification compare them.
    var millisecondsSince1970: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }
}
