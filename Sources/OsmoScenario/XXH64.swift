/// xxHash64 (Yann Collet's XXH64, seed 0), streaming over chunks of bytes: the manifest's hash of
/// `timeseries.csv` and `summary.csv` (``RunOutput``, manifest v2). Not cryptographic: it tells files
/// apart, like the FNV-1a of manifest v1, but reads 32 bytes per round in four independent lanes
/// instead of one byte per dependent multiply (≈ 0.3 instead of ≈ 3.7 instructions a byte; a
/// 1-minute flagship run writes 8–9 MB). The same value as the reference `xxhsum -H64`
/// (XXH64Tests checks known answers and every split of a stream).
struct XXH64 {
    static let p1: UInt64 = 0x9E37_79B1_85EB_CA87
    static let p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    static let p3: UInt64 = 0x1656_67B1_9E37_79F9
    static let p4: UInt64 = 0x85EB_CA77_C2B2_AE63
    static let p5: UInt64 = 0x27D4_EB2F_1656_67C5

    private var v1: UInt64 = 0 &+ p1 &+ p2
    private var v2: UInt64 = 0 &+ p2
    private var v3: UInt64 = 0
    private var v4: UInt64 = 0 &- p1
    private var total: UInt64 = 0
    /// Bytes of an unfinished 32-byte stripe (fewer than 32).
    private var pending: [UInt8] = []

    @inline(__always) private static func rotl(_ x: UInt64, _ r: UInt64) -> UInt64 { (x << r) | (x >> (64 - r)) }
    @inline(__always) private static func round(_ acc: UInt64, _ input: UInt64) -> UInt64 {
        rotl(acc &+ input &* p2, 31) &* p1
    }
    @inline(__always) private static func merge(_ acc: UInt64, _ v: UInt64) -> UInt64 {
        (acc ^ round(0, v)) &* p1 &+ p4
    }
    @inline(__always) private static func load64(_ p: UnsafeRawPointer, _ at: Int) -> UInt64 {
        UInt64(littleEndian: p.loadUnaligned(fromByteOffset: at, as: UInt64.self))
    }

    /// Consumes whole stripes of `p[0..<count]`; returns how many bytes it consumed (a multiple of 32).
    private mutating func stripes(_ p: UnsafeRawPointer, _ count: Int) -> Int {
        var a = v1, b = v2, c = v3, d = v4
        var i = 0
        while i + 32 <= count {
            a = Self.round(a, Self.load64(p, i))
            b = Self.round(b, Self.load64(p, i + 8))
            c = Self.round(c, Self.load64(p, i + 16))
            d = Self.round(d, Self.load64(p, i + 24))
            i += 32
        }
        v1 = a; v2 = b; v3 = c; v4 = d
        return i
    }

    mutating func add(_ bytes: [UInt8]) {
        total &+= UInt64(bytes.count)
        bytes.withUnsafeBytes { raw in
            guard var p = raw.baseAddress else { return }
            var count = raw.count
            if !pending.isEmpty {
                let take = Swift.min(32 - pending.count, count)
                pending.append(contentsOf: UnsafeRawBufferPointer(start: p, count: take))
                p += take
                count -= take
                guard pending.count == 32 else { return }
                _ = pending.withUnsafeBytes { stripes($0.baseAddress!, 32) }
                pending.removeAll(keepingCapacity: true)
            }
            let used = stripes(p, count)
            if used < count { pending.append(contentsOf: UnsafeRawBufferPointer(start: p + used, count: count - used)) }
        }
    }

    var value: UInt64 {
        var h: UInt64
        if total >= 32 {
            h = Self.rotl(v1, 1) &+ Self.rotl(v2, 7) &+ Self.rotl(v3, 12) &+ Self.rotl(v4, 18)
            h = Self.merge(h, v1)
            h = Self.merge(h, v2)
            h = Self.merge(h, v3)
            h = Self.merge(h, v4)
        } else {
            h = Self.p5  // the seed (0) + p5
        }
        h &+= total
        pending.withUnsafeBytes { raw in
            let n = raw.count
            var i = 0
            while i + 8 <= n {
                h ^= Self.round(0, Self.load64(raw.baseAddress!, i))
                h = Self.rotl(h, 27) &* Self.p1 &+ Self.p4
                i += 8
            }
            if i + 4 <= n {
                let k = UInt64(UInt32(littleEndian: raw.baseAddress!.loadUnaligned(fromByteOffset: i, as: UInt32.self)))
                h ^= k &* Self.p1
                h = Self.rotl(h, 23) &* Self.p2 &+ Self.p3
                i += 4
            }
            while i < n {
                h ^= UInt64(raw[i]) &* Self.p5
                h = Self.rotl(h, 11) &* Self.p1
                i += 1
            }
        }
        h ^= h >> 33
        h &*= Self.p2
        h ^= h >> 29
        h &*= Self.p3
        h ^= h >> 32
        return h
    }

    var hex: String {
        let s = String(value, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
