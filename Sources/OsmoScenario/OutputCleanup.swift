#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Temporary output files to remove when the process is interrupted (SIGINT, SIGTERM, SIGHUP), and
/// the clean-up of temporaries that earlier, killed runs left behind.
///
/// The signal handler only calls `unlink` on paths registered here (async-signal-safe), then
/// re-raises the signal with its default action, so the exit status still says what happened.
public enum OutputCleanup {
    static let slots = 64
    /// C strings of the registered paths; a slot is nil when free. Strings are never freed once
    /// published (a handler may be reading one), so registration leaks a path's bytes: a few per run.
    nonisolated(unsafe) static let table: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let t = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: slots)
        t.initialize(repeating: nil, count: slots)
        return t
    }()
    static let lock = NSLock()

    /// Registers `path` for removal on a signal; returns its slot for ``unregister(_:)`` (nil when full).
    @discardableResult
    public static func register(_ path: String) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        for i in 0..<slots where table[i] == nil {
            table[i] = strdup(path)
            return i
        }
        return nil
    }

    /// Forgets the path in `slot` (it was renamed into place or removed).
    public static func unregister(_ slot: Int?) {
        guard let slot else { return }
        lock.lock()
        table[slot] = nil
        lock.unlock()
    }

    /// Installs the handlers (once, from `main`). The signals are also unblocked: a process started
    /// from a thread that blocks them (a Dispatch worker, for one) inherits that mask and would
    /// otherwise never see SIGTERM.
    public static func installSignalHandlers() {
        var set = sigset_t()
        sigemptyset(&set)
        for sig in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&set, sig) }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        _ = table  // initialised here, never first inside a handler
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig) { s in
                for i in 0..<OutputCleanup.slots {
                    if let p = OutputCleanup.table[i] { unlink(p) }
                }
                signal(s, SIG_DFL)
                raise(s)
            }
        }
    }

    /// Removes, in `dir`, osmo's own temporaries (`.NAME.tmp-PID`, `.NAME.partial-PID`) whose process
    /// `PID` no longer exists: they can only be leftovers of a killed run.
    public static func removeStaleTemporaries(in dir: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return }
        for name in names where name.hasPrefix(".") {
            guard let dash = name.lastIndex(of: "-"),
                  name[..<dash].hasSuffix(".tmp") || name[..<dash].hasSuffix(".partial"),
                  let pid = Int32(name[name.index(after: dash)...]), pid > 0, pid != getpid() else { continue }
            let base = name.dropFirst()
            // Only the run set's own files, written under the directory lock (a sweep part may belong to a
            // live process on another host sharing the directory: those are never touched).
            guard ["timeseries.csv", "summary.csv", ".osmo-run"]
                .contains(where: { base.hasPrefix($0) }) else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { unlink(dir + "/" + name) }
        }
    }
}

/// An exclusive lock on an output directory (`DIR/.osmo.lock`, `flock`), so two runs cannot
/// interleave their files in one `--out`. Released when the value is dropped or the process ends.
public final class OutputLock {
    private let fd: Int32

    public struct Busy: Error, CustomStringConvertible {
        public var directory: String
        public var description: String {
            "another osmo process is writing into \(TerminalText.escaped(directory)) (lock \(TerminalText.escaped(directory))/.osmo.lock): wait for it or use another --out"
        }
    }

    public init(directory: String) throws {
        fd = try Self.acquire(directory)
    }

    /// The locked descriptor (the lock is taken before the object exists, so a refused lock never
    /// runs `deinit` on a closed descriptor).
    private static func acquire(_ directory: String) throws -> Int32 {
        let path = directory + "/.osmo.lock"
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw AtomicFile.WriteError(path: path, reason: String(cString: strerror(errno)))
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw Busy(directory: directory)
        }
        return fd
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
