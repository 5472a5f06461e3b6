import Foundation

/// The chain's head written outside the database, to an append-only file: no chain can show by
/// itself that entries were cut off its end, but a head recorded elsewhere can. Each line carries
/// a MAC with the log's key, so a line cannot be made up either.
///
/// Line: `<ISO 8601 moment>\t<kind>\t<seq>\t<hash>\t<mac>`; kind is `anker` (the running head)
/// or `hersteld` (a restore up to this sequence number).
public struct AuditAnchorFile: Sendable {
    public let path: String
    let key: AuditKey

    public init(path: String, key: AuditKey) { (self.path, self.key) = (path, key) }

    public struct Anchor: Sendable, Equatable {
        public var at: Date
        public var kind: String
        public var seq: Int
        public var hash: String
    }

    private func mac(_ at: String, _ kind: String, _ seq: Int, _ hash: String) -> String {
        key.mac("anker|\(at)|\(kind)|\(seq)|\(hash)")
    }

    /// Appends one line with a single write on a file opened for appending only (so a file made
    /// append-only by the system, `chattr +a`, works, and two instances never overwrite each
    /// other's lines), then forces it to disk.
    public func append(seq: Int, hash: String, at: Date, kind: String = "anker") throws {
        let moment = ISO8601DateFormatter().string(from: at)
        let line = Array("\(moment)\t\(kind)\t\(seq)\t\(hash)\t\(mac(moment, kind, seq, hash))\n".utf8)
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o600)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == line.count, fsync(descriptor) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }

    public struct Reading: Sendable {
        /// The anchor with the highest sequence number since the last restore.
        public var latest: Anchor?
        public var lines: Int
        /// Lines whose MAC does not match: written by someone without the key, or damaged.
        public var badLines: [Int]
    }

    /// Reads the file line by line; memory stays flat however long it grows.
    public func read() throws -> Reading {
        var reading = Reading(latest: nil, lines: 0, badLines: [])
        guard let file = fopen(path, "r") else { return reading }
        defer { fclose(file) }
        var buffer: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(buffer) }
        let formatter = ISO8601DateFormatter()
        while getline(&buffer, &capacity, file) > 0, let buffer {
            reading.lines += 1
            let line = String(cString: buffer).trimmingCharacters(in: .newlines)
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 5, let seq = Int(parts[2]), let at = formatter.date(from: parts[0]),
                mac(parts[0], parts[1], seq, parts[3]) == parts[4]
            else {
                reading.badLines.append(reading.lines)
                continue
            }
            // A restore starts over from its own head; otherwise the highest anchor counts.
            if parts[1] == "hersteld" || seq >= (reading.latest?.seq ?? -1) {
                reading.latest = Anchor(at: at, kind: parts[1], seq: seq, hash: parts[3])
            }
        }
        return reading
    }
}
