import Foundation
import Vapor

#if canImport(Glibc)
    import Glibc
#endif

/// An address or a CIDR range, IPv4 or IPv6 ("10.0.0.1", "192.168.0.0/16", "::1", "fd00::/8").
public struct IPRange: Sendable, Equatable {
    let network: [UInt8]
    let prefix: Int

    public init?(_ text: String) {
        let parts = text.split(separator: "/", maxSplits: 1).map(String.init)
        guard let first = parts.first, let bytes = Self.bytes(of: first) else { return nil }
        let maximum = bytes.count * 8
        let prefix = parts.count == 2 ? Int(parts[1]) : maximum
        guard let prefix, (0...maximum).contains(prefix) else { return nil }
        (network, self.prefix) = (bytes, prefix)
    }

    public func contains(_ address: String) -> Bool {
        guard let bytes = Self.bytes(of: address), bytes.count == network.count else { return false }
        var remaining = prefix
        for (a, b) in zip(bytes, network) where remaining > 0 {
            let bits = min(8, remaining)
            let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
            if a & mask != b & mask { return false }
            remaining -= bits
        }
        return true
    }

    /// The address's bytes (4 or 16), or nil when it is no address.
    static func bytes(of text: String) -> [UInt8]? {
        // An IPv4 peer on a dual-stack socket shows as ::ffff:a.b.c.d.
        let text = text.lowercased().hasPrefix("::ffff:") && text.contains(".") ? String(text.dropFirst(7)) : text
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 { return withUnsafeBytes(of: &v4) { Array($0) } }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 { return withUnsafeBytes(of: &v6) { Array($0) } }
        return nil
    }
}

extension Request {
    /// The client's network address: the socket peer, unless that peer is a listed proxy; then
    /// the nearest address in `X-Forwarded-For` that is not itself a listed proxy. A client can
    /// put anything in that header, so it is believed only from the proxies the beheerder named.
    var clientAddress: String {
        let peer = remoteAddress?.ipAddress ?? "onbekend"
        let proxies = application.meedoen.settings.trustedProxies
        guard proxies.contains(where: { $0.contains(peer) }) else { return peer }
        let hops = headers[.xForwardedFor].flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        for hop in hops.reversed() where !proxies.contains(where: { $0.contains(hop) }) {
            return IPRange.bytes(of: hop) != nil ? hop : peer
        }
        return hops.first.flatMap { IPRange.bytes(of: $0) != nil ? $0 : nil } ?? peer
    }
}
