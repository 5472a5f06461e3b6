import Foundation
import MeedoenCore

/// Log-in attempts per network address in a sliding window, so guessing passwords across many
/// accounts from one place is slowed too (the per-account lock only guards one account).
actor LoginRateLimiter {
    private let limit: Int
    private let window: TimeInterval
    private let clock: Clock
    private var attempts: [String: [Date]] = [:]

    init(limit: Int = 20, window: TimeInterval = 5 * 60, clock: Clock) {
        (self.limit, self.window, self.clock) = (limit, window, clock)
    }

    /// Records an attempt; false when the address has used up its attempts for now.
    func allow(_ address: String) -> Bool {
        let now = clock.now()
        var recent = (attempts[address] ?? []).filter { now.timeIntervalSince($0) < window }
        guard recent.count < limit else {
            attempts[address] = recent
            return false
        }
        recent.append(now)
        attempts[address] = recent
        if attempts.count > 10_000 { attempts = attempts.filter { !($0.value.last.map { now.timeIntervalSince($0) >= window } ?? true) } }
        return true
    }
}
