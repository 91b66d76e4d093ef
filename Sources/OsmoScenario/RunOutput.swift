#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The files of one `osmo run` as a set: `timeseries.csv`, `summary.csv`, and last a manifest
/// (`.osmo-run`) holding both files' sizes and hashes (xxHash64 since manifest v2; v1, FNV-1a, is
/// still read).
///
/// Writing: lock the directory (``OutputLock``: a second run into the same `--out` is refused),
/// write both files as temporaries, remove the old manifest, rename both into place, write the new
/// manifest. Reading (`osmo plot`, `osmo report`): with a manifest, both files must match it; an
/// interruption anywhere leaves either the old set with its manifest, or files without a manifest,
/// which readers check for the same arms and sample counts and otherwise refuse.
public enum RunOutput {
    public static let manifestName = ".osmo-run"
    static let manifestVersion = "osmo-run v2"
    /// Manifests of earlier osmo versions: the same lines with FNV-1a hashes.
    static let manifestVersionFNV = "osmo-run v1"

    public struct Mismatch: Error, CustomStringConvertible {
        public var description: String
    }

    /// Writes the set into `dir` (created if needed).
    public static func write(directory dir: String, timeseries: [[UInt8]], summary: [UInt8]) throws {
        try AtomicFile.makeDirectory(dir)
        let lock = try OutputLock(directory: dir)
        defer { withExtendedLifetime(lock) {} }
        OutputCleanup.removeStaleTemporaries(in: dir)
        let ts = dir + "/timeseries.csv", sm = dir + "/summary.csv"
        let tsTmp = AtomicFile.temporaryPath(for: ts), smTmp = AtomicFile.temporaryPath(for: sm)
        let slots = [OutputCleanup.register(tsTmp), OutputCleanup.register(smTmp)]
        defer { slots.forEach(OutputCleanup.unregister) }
        do {
            try AtomicFile.write(chunks: timeseries, toTemporary: tsTmp, for: ts)
            try AtomicFile.write(chunks: [summary], toTemporary: smTmp, for: sm)
        } catch {
            unlink(tsTmp)
            unlink(smTmp)
            throw error
        }
        var hash = XXH64()
        var size = 0
        for chunk in timeseries { hash.add(chunk); size += chunk.count }
        var sHash = XXH64()
        sHash.add(summary)
        let manifest = "\(manifestVersion)\ntimeseries.csv \(size) \(hash.hex)\nsummary.csv \(summary.count) \(sHash.hex)\n"
        unlink(dir + "/" + manifestName)
        for (tmp, path) in [(tsTmp, ts), (smTmp, sm)] where rename(tmp, path) != 0 {
            let e = errno
            unlink(tsTmp)
            unlink(smTmp)
            throw AtomicFile.WriteError(path: path, reason: String(cString: strerror(e)))
        }
        try AtomicFile.write(Array(manifest.utf8), to: dir + "/" + manifestName)
    }

    /// Checks `timeseries` and `summary` (the bytes of the two files in `dir`) against the manifest;
    /// nil when there is no manifest (the caller then compares their contents), else throws on a mismatch.
    /// Returns true when a manifest was found and matched.
    @discardableResult
    public static func verify(directory dir: String, timeseries: [UInt8], summary: [UInt8]?) throws -> Bool {
        guard let m = try? InputFile.read(dir + "/" + manifestName, maxBytes: 4096) else { return false }
        let lines = String(decoding: m, as: UTF8.self).split(separator: "\n").map(String.init)
        guard lines.count == 3, lines[0] == manifestVersion || lines[0] == manifestVersionFNV else {
            throw Mismatch(description: "\(TerminalText.escaped(dir))/\(manifestName) is not an osmo run manifest")
        }
        func check(_ line: String, _ name: String, _ bytes: [UInt8]?) throws {
            guard let bytes, line == "\(name) \(bytes.count) \(hash(bytes, fnv: lines[0] == manifestVersionFNV))" else {
                throw Mismatch(description: "\(TerminalText.escaped(dir))/\(name) is not the file its run wrote (its size or hash differs from \(manifestName)): the directory mixes two runs or one was interrupted; run again")
            }
        }
        try check(lines[1], "timeseries.csv", timeseries)
        try check(lines[2], "summary.csv", summary)
        return true
    }

    /// The hash of a manifest line: xxHash64, or FNV-1a in a v1 manifest.
    static func hash(_ bytes: [UInt8], fnv: Bool) -> String {
        if fnv {
            var h = FNV64()
            h.add(bytes)
            return h.hex
        }
        var h = XXH64()
        h.add(bytes)
        return h.hex
    }
}

/// FNV-1a, 64 bits, over bytes (not cryptographic: it tells files apart).
struct FNV64 {
    private(set) var state: UInt64 = 0xCBF2_9CE4_8422_2325
    mutating func add(_ bytes: [UInt8]) {
        var s = state
        for b in bytes {
            s ^= UInt64(b)
            s = s &* 0x0000_0100_0000_01B3
        }
        state = s
    }
    var hex: String {
        let s = String(state, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
