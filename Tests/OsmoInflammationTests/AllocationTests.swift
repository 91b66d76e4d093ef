import Testing
import OsmoInflammation
import Foundation

/// Resident set size in bytes from /proc/self/statm (Linux); nil elsewhere.
func residentBytes() -> Int? {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
    return pages * 4096
}

@Suite struct AllocationTests {
    /// The derivatives are plain arithmetic on pointers. glibc has no per-call malloc counter that a
    /// test can read without interposing malloc for the whole (shared) test process, so this checks
    /// that a million calls leave the resident memory (nearly) unchanged; the call count is checked separately with an
    /// LD_PRELOAD malloc counter (Docs/MODEL-inflammation.md).
    @Test func derivativesDoNotGrowTheHeap() {
        let model = InflammationModel()
        let n = InflammationModel.stateCount
        let y = UnsafeMutablePointer<Double>.allocate(capacity: n)
        let dy = UnsafeMutablePointer<Double>.allocate(capacity: n)
        defer { y.deallocate(); dy.deallocate() }
        model.initialState(y)
        model.addEndotoxinBolus(ngPerKg: 2, to: y)
        model.derivatives(t: 0, y: y, dydt: dy, pathogenLoad: 0.5, inflammatoryPotency: 1)  // warm up
        let before = residentBytes()
        var sink = 0.0
        for i in 0..<1_000_000 {
            model.derivatives(t: Double(i) * 1e-6, y: y, dydt: dy, pathogenLoad: 0.5, inflammatoryPotency: 1)
            sink += dy[2]
        }
        if let before, let after = residentBytes() {
            // Other tests run concurrently; a per-call leak would be ≥ 16 MB here.
            #expect(after - before < 8_000_000)
        }
        #expect(sink.isFinite)
    }
}
