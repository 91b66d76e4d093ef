import Foundation
import OsmoODE
import OsmoPhysiology
import OsmoScenario

/// How to run a sweep.
public struct SweepRunOptions: Sendable {
    /// Worker threads (≥ 1).
    public var threads: Int
    /// The share of runs to do.
    public var shard: Shard
    /// Most finished runs held waiting for an earlier one (the reorder window); memory is
    /// bounded by this many runs' rows whatever the number of runs.
    public var window: Int
    /// Called on the writing thread after each run is written: (runs written, runs owned).
    public var progress: (@Sendable (Int, Int) -> Void)?

    public init(threads: Int = ProcessInfo.processInfo.activeProcessorCount, shard: Shard = .all, window: Int? = nil,
                progress: (@Sendable (Int, Int) -> Void)? = nil) {
        self.threads = min(max(1, threads), SweepCommandOptions.maxThreads)
        self.shard = shard
        self.window = min(max(window ?? 64 * self.threads, 1), 1 << 20)
        self.progress = progress
    }
}

/// What a sweep run did.
public struct SweepRunReport: Sendable {
    /// Runs done (this shard's share).
    public var runs: Int
    /// Rows written (runs × arms).
    public var rows: Int
    /// Rows whose status is not `success`.
    public var failedRows: Int
    public var wallSeconds: Double
}

/// Runs a sweep's points on worker threads and streams the rows in run-index order.
///
/// Workers take runs in increasing order from a shared cursor, simulate every arm, and encode the
/// rows; the calling thread writes finished runs in order. A worker waits before taking a run that
/// is ``SweepRunOptions/window`` runs ahead of the writer, so memory stays flat. Each row is a pure
/// function of the run index, so the bytes do not depend on the thread count or the shard.
public enum SweepRunner {
    public typealias Simulate = @Sendable (SimulationProblem) -> Trajectory

    /// Runs `sweep` (this shard's share) and hands the encoded rows (no header) to `sink`, in order.
    public static func run(_ sweep: Sweep, options: SweepRunOptions, simulate: @escaping Simulate = OsmoPhysiology.simulate,
                           sink: ([UInt8]) throws -> Void) throws -> SweepRunReport {
        let started = DispatchTime.now().uptimeNanoseconds
        let owned = options.shard.ownedCount(of: sweep.runCount)
        let state = RunState(sweep: sweep, shard: options.shard, owned: owned, window: options.window)
        let workers = min(options.threads, max(owned, 1))
        let outcomeIndices = SweepTable.outcomeIndices(sweep)
        let done = DispatchGroup()
        for _ in 0..<workers {
            done.enter()
            let thread = Thread {
                defer { done.leave() }
                while let (position, run, values) = state.take() {
                    var bytes: [UInt8] = []
                    bytes.reserveCapacity(sweep.arms.count * 256)
                    let summaries = sweep.arms.map { arm in evaluate(sweep, arm: arm, values: values, simulate: simulate) }
                    SweepTable.appendRows(run: run, values: values, results: summaries, sweep: sweep,
                                          outcomeIndices: outcomeIndices, to: &bytes)
                    let failed = summaries.filter { $0?.status != "success" }.count
                    state.put(position, bytes, failed: failed)
                }
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 16)
        var failedRows = 0
        var sinkError: Error?
        for position in 0..<owned {
            let (bytes, failed) = state.next(position)
            failedRows += failed
            if sinkError == nil {
                buffer.append(contentsOf: bytes)
                if buffer.count >= 1 << 16 {
                    do { try sink(buffer) } catch { sinkError = error; state.cancel() }
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            options.progress?(position + 1, owned)
            if sinkError != nil { break }
        }
        done.wait()
        if let e = sinkError { throw e }
        if !buffer.isEmpty { try sink(buffer) }
        let wall = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return SweepRunReport(runs: owned, rows: owned * sweep.arms.count, failedRows: failedRows, wallSeconds: wall)
    }

    /// One arm at one point: its summary, or `nil` when the point cannot be simulated (a drink's
    /// osmolarity above 3000 mOsm/L, or a non-finite value).
    public static func evaluate(_ sweep: Sweep, arm: Scenario.Arm, values: [Double], simulate: Simulate) -> ArmSummary? {
        guard values.allSatisfy(\.isFinite) else { return nil }
        let problem = sweep.problem(arm: arm, values: values)
        if problem.drinks.contains(where: { $0.fluid.osmolarity > 3000 }) { return nil }
        let trajectory = ScenarioRunner.sanitized(simulate(problem))
        return ArmSummary(arm: arm.name, trajectory: trajectory, basalStoolMLPerH: ArmSummary.basalStoolMLPerH(problem))
    }
}

/// The shared state of one sweep run: the cursor and the reorder window.
private final class RunState: @unchecked Sendable {
    private let condition = NSCondition()
    private let cursor: PlanCursor
    private let shard: Shard
    private let owned: Int
    private let window: Int
    private var nextPosition = 0
    private var written = 0
    private var cancelled = false
    private var slots: [([UInt8], Int)?]

    init(sweep: Sweep, shard: Shard, owned: Int, window: Int) {
        cursor = PlanCursor(plan: sweep.plan, parameters: sweep.parameters)
        self.shard = shard
        self.owned = owned
        self.window = window
        slots = Array(repeating: nil, count: window)
    }

    /// The next run for a worker (position among this shard's runs, run index, values), or nil when none is left.
    func take() -> (Int, Int, [Double])? {
        condition.lock()
        defer { condition.unlock() }
        while !cancelled && nextPosition < owned && nextPosition >= written + window { condition.wait() }
        guard !cancelled, nextPosition < owned else { return nil }
        let position = nextPosition
        nextPosition += 1
        let run = shard.run(at: position)
        return (position, run, cursor.values(run: run))
    }

    func put(_ position: Int, _ bytes: [UInt8], failed: Int) {
        condition.lock()
        slots[position % window] = (bytes, failed)
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for the rows of `position` (the writer's next) and frees its slot.
    func next(_ position: Int) -> ([UInt8], Int) {
        condition.lock()
        defer { condition.unlock() }
        while slots[position % window] == nil { condition.wait() }
        let v = slots[position % window]!
        slots[position % window] = nil
        written = position + 1
        condition.broadcast()
        return v
    }

    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
