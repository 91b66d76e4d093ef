#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Reads input files with their kind and size checked first: a directory, FIFO, socket or device
/// is refused with a message (a FIFO would block, `/dev/zero` never ends), and so is a file larger
/// than the caller's limit, before a byte of it is read. The checks are made on the open descriptor
/// (`open` with `O_NONBLOCK`, then `fstat`), so the file cannot be swapped between check and read.
public enum InputFile {
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var path: String
        public var reason: String
        public var description: String { "\(TerminalText.escaped(path)): \(reason)" }
    }

    /// The bytes of the regular file at `path`, at most `maxBytes` of them.
    public static func read(_ path: String, maxBytes: Int) throws(Failure) -> [UInt8] {
        let fd = try openRegular(path, maxBytes: maxBytes)
        defer { close(fd) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw Failure(path: path, reason: "cannot be read (\(String(cString: strerror(errno))))")
            }
            if n == 0 { break }
            out.append(contentsOf: chunk[0..<n])
            if out.count > maxBytes { throw Failure(path: path, reason: "is larger than \(sizeText(maxBytes))") }
        }
        return out
    }

    /// An open descriptor of the regular file at `path` (the caller closes it), checked as ``read(_:maxBytes:)`` does.
    public static func openRegular(_ path: String, maxBytes: Int) throws(Failure) -> Int32 {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let e = errno
            throw Failure(path: path, reason: e == ENOENT ? "no such file" : "cannot be read (\(String(cString: strerror(e))))")
        }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            close(fd)
            throw Failure(path: path, reason: "cannot be read (\(String(cString: strerror(errno))))")
        }
        let kind = st.st_mode & S_IFMT
        guard kind == S_IFREG else {
            close(fd)
            let what: String
            switch kind {
            case S_IFDIR: what = "is a directory"
            case S_IFIFO: what = "is a pipe (FIFO)"
            case S_IFSOCK: what = "is a socket"
            case S_IFCHR, S_IFBLK: what = "is a device"
            default: what = "is not a regular file"
            }
            throw Failure(path: path, reason: "\(what), not a file")
        }
        guard Int(st.st_size) <= maxBytes else {
            close(fd)
            throw Failure(path: path, reason: "is larger than \(sizeText(maxBytes)) (\(st.st_size) bytes)")
        }
        // Back to blocking reads for a regular file.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return fd
    }

    static func sizeText(_ bytes: Int) -> String {
        bytes >= 1 << 30 ? "\(bytes >> 30) GiB" : bytes >= 1 << 20 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
    }
}
