#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Writes files so that a reader sees either the old file or the complete new one: the bytes go to
/// a temporary file in the same directory, which is then renamed over the target.
public enum AtomicFile {
    public struct WriteError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "cannot write \(path): \(reason)" }
    }

    /// Creates `directory` (and parents) if needed.
    public static func makeDirectory(_ directory: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw WriteError(path: directory, reason: "cannot create the directory (\(error.localizedDescription))")
        }
    }

    /// Writes `bytes` to `path` atomically.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        let tmp = temporaryPath(for: path)
        let slot = OutputCleanup.register(tmp)
        defer { OutputCleanup.unregister(slot) }
        try write(chunks: [bytes], toTemporary: tmp, for: path)
        if rename(tmp, path) != 0 {
            let e = errno
            unlink(tmp)
            throw WriteError(path: path, reason: String(cString: strerror(e)))
        }
    }

    /// The temporary name ``write(_:to:)`` uses for `path`: `.NAME.tmp-PID` beside it.
    public static func temporaryPath(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent().path + "/." + url.lastPathComponent + ".tmp-\(getpid())"
    }

    /// Writes `chunks` to `tmp` (removed on failure). The caller registers it with ``OutputCleanup``
    /// and renames it into place.
    public static func write(chunks: [[UInt8]], toTemporary tmp: String, for path: String) throws {
        let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        var ok = true
        for bytes in chunks where ok {
            ok = writeAll(fd, bytes)
        }
        let writeErrno = errno
        if close(fd) != 0 || !ok {
            let e = ok ? errno : writeErrno
            unlink(tmp)
            throw WriteError(path: path, reason: String(cString: strerror(e)))
        }
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        let ok: Bool = bytes.withUnsafeBytes { buf in
            while offset < buf.count {
                let n = Glibc.write(fd, buf.baseAddress! + offset, buf.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += n
            }
            return true
        }
        return ok
    }
}
