import Dispatch
import Foundation
import Synchronization

/// At most `limit` runs at once. A run that finds every slot taken waits, first come first served,
/// for at most `maxWaitS`, and only while fewer than `maxWaiting` others wait; otherwise it is
/// refused (the caller answers 503). Runs are CPU-bound GSL solves, so they go to Dispatch's global
/// queue, not the server's event loops or Swift's cooperative pool.
public final class RunGate: Sendable {
    public let limit: Int
    public let maxWaiting: Int
    public let maxWaitS: Double

    private struct State {
        var running = 0
        var waiters: [(id: UInt64, resume: CheckedContinuation<Bool, Never>)] = []
        var nextID: UInt64 = 0
    }
    private let state = Mutex(State())

    public init(limit: Int, maxWaiting: Int = 0, maxWaitS: Double = 0) {
        self.limit = max(1, limit)
        self.maxWaiting = max(0, maxWaiting)
        self.maxWaitS = max(0, maxWaitS)
    }

    /// Runs now being worked on (including ones whose requests already timed out).
    public var active: Int { state.withLock { $0.running } }

    public enum Outcome<T: Sendable>: Sendable {
        case done(T)
        /// No slot free in time.
        case busy
        /// The time limit passed first; the work goes on in the background until it ends.
        case timedOut
    }

    /// A slot: now, after a wait, or nil (refused).
    private func acquire() async -> Bool {
        enum Now { case go, refuse, wait(UInt64) }
        let id = state.withLock { s -> UInt64 in s.nextID += 1; return s.nextID }
        return await withCheckedContinuation { (c: CheckedContinuation<Bool, Never>) in
            let now = state.withLock { s -> Now in
                if s.running < limit { s.running += 1; return .go }
                if s.waiters.count >= maxWaiting || maxWaitS == 0 { return .refuse }
                s.waiters.append((id, c))
                return .wait(id)
            }
            switch now {
            case .go: c.resume(returning: true)
            case .refuse: c.resume(returning: false)
            case .wait(let id):
                DispatchQueue.global().asyncAfter(deadline: .now() + maxWaitS) {
                    let expired = self.state.withLock { s -> CheckedContinuation<Bool, Never>? in
                        guard let i = s.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                        return s.waiters.remove(at: i).resume
                    }
                    expired?.resume(returning: false)
                }
            }
        }
    }

    /// Gives the slot to the first waiter, or frees it.
    private func release() {
        let next = state.withLock { s -> CheckedContinuation<Bool, Never>? in
            if s.waiters.isEmpty { s.running -= 1; return nil }
            return s.waiters.removeFirst().resume
        }
        next?.resume(returning: true)
    }

    /// Runs `work` on a global Dispatch queue once it has a slot, waiting at most `timeLimitS` for it
    /// to finish. The slot is held until `work` returns, even after a time-out.
    public func run<T: Sendable>(timeLimitS: Double, _ work: @escaping @Sendable () -> T) async -> Outcome<T> {
        guard await acquire() else { return .busy }
        let once = Once<Outcome<T>>()
        return await withCheckedContinuation { (c: CheckedContinuation<Outcome<T>, Never>) in
            once.set(c)
            DispatchQueue.global(qos: .userInitiated).async {
                let value = work()
                self.release()
                once.resume(.done(value))
            }
            DispatchQueue.global().asyncAfter(deadline: .now() + timeLimitS) {
                once.resume(.timedOut)
            }
        }
    }
}

/// A continuation resumed by whichever of two events comes first.
private final class Once<T: Sendable>: Sendable {
    private let state = Mutex<CheckedContinuation<T, Never>?>(nil)
    func set(_ c: CheckedContinuation<T, Never>) { state.withLock { $0 = c } }
    func resume(_ value: T) {
        let c = state.withLock { s -> CheckedContinuation<T, Never>? in
            defer { s = nil }
            return s
        }
        c?.resume(returning: value)
    }
}
