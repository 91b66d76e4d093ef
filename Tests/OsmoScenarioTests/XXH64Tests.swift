import Foundation
import Testing
@testable import OsmoScenario

/// The manifest's hash (manifest v2) is xxHash64 with seed 0: known answers from the reference
/// implementation (`xxhsum -H64`, xxHash 0.8.1), and the same value however the bytes are split.
@Suite struct XXH64Tests {
    func hex(_ chunks: [[UInt8]]) -> String {
        var h = XXH64()
        for c in chunks { h.add(c) }
        return h.hex
    }

    /// (i·7 + 3) mod 256 for i < count.
    static func pattern(_ count: Int) -> [UInt8] { (0..<count).map { UInt8((($0 * 7) + 3) % 256) } }

    @Test func knownAnswers() {
        let cases: [(String, String)] = [
            ("", "ef46db3751d8e999"),
            ("a", "d24ec4f1a98c6e5b"),
            ("abc", "44bc2cf5ad770999"),
            ("0123456789abcdef0123456789abcde", "1fdfc63febacfde7"),     // 31 bytes: no stripe
            ("0123456789abcdef0123456789abcdef", "642a94958e71e6c5"),    // one stripe exactly
            ("0123456789abcdef0123456789abcdef0", "e87684f08d6d0816"),   // a stripe and a byte
            ("time_h,body_weight_kg,weight_loss_pct,water_total_L", "18b89e9c43461ee3"),
        ]
        for (text, expected) in cases {
            #expect(hex([Array(text.utf8)]) == expected, "\(text)")
        }
        #expect(hex([Self.pattern(100_000)]) == "953e8a6a68df79c4")
    }

    @Test func everySplitGivesTheSameHash() {
        let bytes = Self.pattern(200)
        let whole = hex([bytes])
        for cut in 0...bytes.count {
            #expect(hex([Array(bytes[..<cut]), Array(bytes[cut...])]) == whole, "cut at \(cut)")
        }
        // Many small chunks of uneven sizes, some empty.
        var chunks: [[UInt8]] = []
        var i = 0, size = 0
        while i < bytes.count {
            let n = Swift.min(size % 11, bytes.count - i)
            chunks.append(Array(bytes[i..<(i + n)]))
            i += n
            size += 1
        }
        #expect(hex(chunks) == whole)
        #expect(hex([Self.pattern(100_000)].flatMap { [Array($0[..<33_333]), [], Array($0[33_333...])] }) == "953e8a6a68df79c4")
    }

    @Test func aVersionOneManifestIsStillRead() throws {
        let dir = NSTemporaryDirectory() + "osmo-xxh64-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let ts = Array("arm,time_h\na,0\n".utf8), sm = Array("arm,status\na,success\n".utf8)
        var h1 = FNV64(), h2 = FNV64()
        h1.add(ts)
        h2.add(sm)
        let v1 = "osmo-run v1\ntimeseries.csv \(ts.count) \(h1.hex)\nsummary.csv \(sm.count) \(h2.hex)\n"
        try v1.write(toFile: dir + "/" + RunOutput.manifestName, atomically: true, encoding: .utf8)
        #expect(try RunOutput.verify(directory: dir, timeseries: ts, summary: sm))
        #expect(throws: RunOutput.Mismatch.self) { try RunOutput.verify(directory: dir, timeseries: ts + [10], summary: sm) }
        // What this version writes: v2 with xxHash64, and it reads back.
        try RunOutput.write(directory: dir + "/new", timeseries: [ts], summary: sm)
        let manifest = try String(contentsOfFile: dir + "/new/" + RunOutput.manifestName, encoding: .utf8)
        #expect(manifest.hasPrefix("osmo-run v2\ntimeseries.csv \(ts.count) \(hex([ts]))\n"))
        #expect(try RunOutput.verify(directory: dir + "/new", timeseries: ts, summary: sm))
    }
}
