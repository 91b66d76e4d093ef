#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import OsmoScenario

/// A file written as a stream: bytes go to a hidden temporary file in the same directory, renamed
/// over the target by ``finish()``. A sweep that stops half-way leaves no plausible-looking output.
final class StreamingFile {
    let path: String
    private let tmp: String
    private var fd: Int32

    init(path: String) throws {
        self.path = path
        let url = URL(fileURLWithPath: path)
        tmp = url.deletingLastPathComponent().path + "/." + url.lastPathComponent + ".partial-\(getpid())"
        slot = OutputCleanup.register(tmp)
        fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            OutputCleanup.unregister(slot)
            throw SweepError.io("cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }
    /// This file's slot in ``OutputCleanup`` (its temporary is removed on SIGINT/SIGTERM).
    private let slot: Int?

    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { buf in
            var offset = 0
            while offset < buf.count {
                let n = Glibc.write(fd, buf.baseAddress! + offset, buf.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw SweepError.io("cannot write \(path): \(String(cString: strerror(errno)))")
                }
                offset += n
            }
        }
    }

    func write(_ s: String) throws { try write(Array(s.utf8)) }

    func finish() throws {
        let closed = close(fd)
        fd = -1
        guard closed == 0 else { throw SweepError.io("cannot write \(path): \(String(cString: strerror(errno)))") }
        defer { OutputCleanup.unregister(slot) }
        guard rename(tmp, path) == 0 else {
            let e = errno
            unlink(tmp)
            throw SweepError.io("cannot write \(path): \(String(cString: strerror(e)))")
        }
    }

    deinit {
        if fd >= 0 {
            close(fd)
            unlink(tmp)
            OutputCleanup.unregister(slot)
        }
    }
}

/// Reads a file line by line in 64 KiB chunks (memory flat whatever the file size).
final class LineReader {
    let path: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var start = 0
    private var eof = false
    private var peeked: [UInt8]??
    /// 1-based number of the last line returned.
    private(set) var lineNumber = 0

    /// Longest line accepted (a sweep row is a few hundred bytes): a file without newlines cannot
    /// make the reader hold all of it.
    static let maxLineBytes = 1 << 20
    /// Set when a line longer than ``maxLineBytes`` was cut off: the file is not a sweep file.
    private(set) var overlong = false

    /// Opens `path`; directories, FIFOs and devices are refused before anything is read.
    init(path: String) throws {
        self.path = path
        let fd: Int32
        do { fd = try InputFile.openRegular(path, maxBytes: Int.max) } catch { throw SweepError.io("cannot read \(error)") }
        handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }

    deinit { try? handle.close() }

    /// The next line including its newline, or nil at the end.
    func next() -> [UInt8]? {
        if let p = peeked {
            peeked = nil
            if p != nil { lineNumber += 1 }
            return p
        }
        let line = read()
        if line != nil { lineNumber += 1 }
        return line
    }

    /// The next line without consuming it.
    func peek() -> [UInt8]? {
        if let p = peeked { return p }
        let line = read()
        peeked = .some(line)
        return line
    }

    private func read() -> [UInt8]? {
        while true {
            if let nl = buffer[start...].firstIndex(of: 10) {
                let line = Array(buffer[start...nl])
                start = nl + 1
                return line
            }
            if buffer.count - start > Self.maxLineBytes {
                // An overlong line: hand back a truncated line without newline (every reader rejects it).
                overlong = true
                let line = Array(buffer[start..<(start + Self.maxLineBytes)])
                buffer = []
                start = 0
                eof = true
                return line
            }
            if eof {
                guard start < buffer.count else { return nil }
                let line = Array(buffer[start...])
                start = buffer.count
                return line
            }
            buffer.removeFirst(start)
            start = 0
            let chunk = handle.readData(ofLength: 1 << 16)
            if chunk.isEmpty { eof = true } else { buffer.append(contentsOf: chunk) }
        }
    }
}

/// Errors of the sweep commands, written for the user.
public enum SweepError: Error, CustomStringConvertible, Equatable {
    case io(String)
    case merge(String)
    case sensitivity(String)

    public var description: String {
        switch self {
        case .io(let s), .merge(let s), .sensitivity(let s): return s
        }
    }
}

/// The leading integer of a CSV row (the run index), or nil.
@inline(__always)
func leadingRunIndex(_ line: [UInt8]) -> Int? {
    var v = 0
    var n = 0
    for b in line {
        if b == 44 { break }
        guard b >= 48 && b <= 57 else { return nil }
        n += 1
        if n > 18 { return nil }  // before the multiplication: 19 digits can overflow
        v = v * 10 + Int(b - 48)
    }
    return n > 0 ? v : nil
}
