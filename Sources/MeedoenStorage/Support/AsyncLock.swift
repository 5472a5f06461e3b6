/// A first-come, first-served lock that may be held across `await`. An actor alone does not
/// serialise a read-then-write that awaits in between: it is re-entrant at every suspension.
public actor AsyncLock {
    private var held = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    public init() {}

    public func withLock<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await acquire()
        do {
            let result = try await body()
            release()
            return result
        } catch {
            release()
            throw error
        }
    }

    private func acquire() async {
        guard held else {
            held = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func release() {
        // Ownership passes straight to the next waiter, so no newcomer can overtake it.
        if waiting.isEmpty { held = false } else { waiting.removeFirst().resume() }
    }
}
