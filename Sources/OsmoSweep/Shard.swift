/// One deterministic share of a sweep's runs: shard `index` of `count` owns every run `r` with
/// `r mod count == index` (strided, so costly regions of a grid spread over all shards). The shards
/// 0 … count−1 own every run exactly once; Slurm array task ids 0 … N−1 map to them directly.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    public var index: Int
    public var count: Int

    /// Most shards of one sweep (a Slurm array is far smaller).
    public static let maxCount = 1_000_000

    public init?(index: Int, count: Int) {
        guard count >= 1, count <= Shard.maxCount, index >= 0, index < count else { return nil }
        self.index = index
        self.count = count
    }

    /// The whole sweep.
    public static let all = Shard(index: 0, count: 1)!

    /// `K/N` as given on the command line.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard text.utf8.count <= 40, parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]) else { return nil }
        self.init(index: k, count: n)
    }

    public var description: String { "\(index)/\(count)" }

    /// How many of `runs` runs this shard owns.
    public func ownedCount(of runs: Int) -> Int {
        runs > index ? (runs - index - 1) / count + 1 : 0
    }

    /// The run index of this shard's `position`-th run.
    @inline(__always)
    public func run(at position: Int) -> Int { index + position * count }

    /// Whether this shard owns run `r`.
    public func owns(_ r: Int) -> Bool { r % count == index }

    /// The part file name for this shard: `sweep.part-K-of-N.csv`.
    public var partFileName: String { "sweep.part-\(index)-of-\(count).csv" }
}
