import Dispatch
import Synchronization

/// At most `limit` runs at once, without queueing: a run either gets a slot now or is refused
/// (the caller answers 503). Runs are CPU-bound GSL solves, so they go to Dispatch's global queue,
/// not the server's event loops or Swift's cooperative pool.
public final class RunGate: Sendable {
    public let limit: Int
    private let running = Mutex(0)

    public init(limit: Int) { self.limit = max(1, limit) }

    /// Runs now being worked on (including ones whose requests already timed out).
    public var active: Int { running.withLock { $0 } }

    public enum Outcome<T: Sendable>: Sendable {
        case done(T)
        /// No slot free.
        case busy
        /// The time limit passed first; the work goes on in the background until it ends.
        case timedOut
    }

    /// Runs `work` on a global Dispatch queue when a slot is free, waiting at most `timeLimitS`.
    /// The slot is held until `work` returns, even after a time-out.
    public func run<T: Sendable>(timeLimitS: Double, _ work: @escaping @Sendable () -> T) async -> Outcome<T> {
        let got = running.withLock { n -> Bool in
            guard n < limit else { return false }
            n += 1
            return true
        }
        guard got else { return .busy }
        let once = Once<Outcome<T>>()
        return await withCheckedContinuation { (c: CheckedContinuation<Outcome<T>, Never>) in
            once.set(c)
            DispatchQueue.global(qos: .userInitiated).async {
                let value = work()
                self.running.withLock { $0 -= 1 }
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
