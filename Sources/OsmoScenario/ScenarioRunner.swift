import Foundation
import OsmoODE
import OsmoPhysiology

/// The outcome of one arm.
public struct ArmResult: Sendable {
    public var arm: String
    public var problem: SimulationProblem
    public var trajectory: Trajectory
    public var summary: ArmSummary
    /// This arm's `timeseries.csv` rows (no header), encoded in the same parallel task.
    public var rows: [UInt8]
    /// Wall time of the simulation and of the row encoding, ms.
    public var simulateMs: Double
    public var encodeMs: Double
}

/// Runs every arm of a scenario, in parallel when there are several.
///
/// Each arm is an independent problem and its result goes to its own slot, so the output is the same
/// bytes whatever the number of threads.
public enum ScenarioRunner {
    /// Runs `scenario`'s arms. `threads` = 1 runs them one after another on the calling thread;
    /// anything else uses `DispatchQueue.concurrentPerform`.
    public static func run(_ scenario: Scenario, threads: Int? = nil, simulate: @escaping @Sendable (SimulationProblem) -> Trajectory = OsmoPhysiology.simulate)
        -> [ArmResult]
    {
        let arms = scenario.arms
        let problems = arms.map(scenario.problem(for:))
        let slots = Slots<ArmResult>(count: arms.count)
        /// Arm `i`: its trajectory, its summary and the simulation's wall time, ms.
        let solve: @Sendable (Int) -> (Trajectory, ArmSummary, Double) = { i in
            let t0 = DispatchTime.now().uptimeNanoseconds
            let trajectory = sanitized(simulate(problems[i]))
            let t1 = DispatchTime.now().uptimeNanoseconds
            let summary = ArmSummary(arm: arms[i].name, trajectory: trajectory,
                                     basalStoolMLPerH: ArmSummary.basalStoolMLPerH(problems[i]))
            return (trajectory, summary, Double(t1 - t0) / 1e6)
        }
        let body: @Sendable (Int) -> Void = { i in
            let (trajectory, summary, simulateMs) = solve(i)
            let t1 = DispatchTime.now().uptimeNanoseconds
            var rows: [UInt8] = []
            TimeseriesWriter.appendRows(arm: arms[i].name, times: trajectory.times, values: trajectory.values, to: &rows)
            let t2 = DispatchTime.now().uptimeNanoseconds
            slots.set(i, ArmResult(arm: arms[i].name, problem: problems[i], trajectory: trajectory, summary: summary, rows: rows,
                                   simulateMs: simulateMs, encodeMs: Double(t2 - t1) / 1e6))
        }
        if threads == 1 || arms.count <= 1 {
            for i in arms.indices { body(i) }
            return slots.values()
        }
        // A small pipeline on the global concurrent queue: the costliest arms start first (each dose
        // is a segment boundary that restarts the stepper); as each arm finishes, its CSV rows are
        // encoded in chunks that any free core picks up, so no core idles while another encodes.
        // Every piece goes to its own slot: the bytes do not depend on the order or thread count.
        let order = arms.indices.sorted { (segments(problems[$0]), -$0) > (segments(problems[$1]), -$1) }
        let chunks = 4
        let pieces = Slots<[UInt8]>(count: arms.count * chunks)
        let pieceMs = Slots<Double>(count: arms.count * chunks)
        let solved = Slots<(Trajectory, ArmSummary, Double)>(count: arms.count)
        let group = DispatchGroup()
        let queue = DispatchQueue.global(qos: .userInitiated)
        for i in order {
            queue.async(group: group) {
                let result = solve(i)
                solved.set(i, result)
                let trajectory = result.0
                let width = Observable.allCases.count
                let n = trajectory.times.count
                for c in 0..<chunks {
                    let a = n * c / chunks, b = n * (c + 1) / chunks
                    queue.async(group: group) {
                        let t2 = DispatchTime.now().uptimeNanoseconds
                        var bytes: [UInt8] = []
                        if b > a {
                            TimeseriesWriter.appendRows(
                                arm: arms[i].name, times: Array(trajectory.times[a..<b]),
                                values: Array(trajectory.values[(a * width)..<(b * width)]), to: &bytes)
                        }
                        pieces.set(i * chunks + c, bytes)
                        pieceMs.set(i * chunks + c, Double(DispatchTime.now().uptimeNanoseconds - t2) / 1e6)
                    }
                }
            }
        }
        group.wait()
        let allPieces = pieces.values(), allMs = pieceMs.values(), allSolved = solved.values()
        return arms.indices.map { i in
            let (trajectory, summary, simulateMs) = allSolved[i]
            var rows: [UInt8] = []
            for c in 0..<chunks { rows.append(contentsOf: allPieces[i * chunks + c]) }
            let encodeMs = (0..<chunks).reduce(0) { $0 + allMs[i * chunks + $1] }
            return ArmResult(arm: arms[i].name, problem: problems[i], trajectory: trajectory, summary: summary,
                             rows: rows, simulateMs: simulateMs, encodeMs: encodeMs)
        }
    }

    /// Rough cost of an arm: its number of segment boundaries (doses, infusion changes, vomiting).
    static func segments(_ p: SimulationProblem) -> Int {
        var n = p.infusions.count * 2 + p.vomiting.count
        for d in p.drinks {
            switch d.schedule {
            case .at(let ts, _): n += ts.count
            case .every(let dt, _, let a, let b): n += dt > 0 ? Int(min(max((b - a) / dt, 0), 1e6)) : 0
            case .continuous: n += 2
            default: break
            }
        }
        return n
    }

    /// Drops every sample from the first one holding a non-finite value and marks the trajectory
    /// failed there (the integrator should stop before this can happen; this is the guard).
    public static func sanitized(_ tr: Trajectory) -> Trajectory {
        let width = Observable.allCases.count
        let rows = min(tr.times.count, tr.values.count / width)
        var bad: Int?
        var column = -1
        if rows != tr.times.count || tr.values.count != rows * width { bad = rows }
        // One pass first: 0·x is 0 for every finite x and NaN otherwise, in four independent sums.
        let allFinite = tr.values.withUnsafeBufferPointer { v -> Bool in
            var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
            var i = 0
            while i + 4 <= v.count {
                s0 += v[i] * 0; s1 += v[i + 1] * 0; s2 += v[i + 2] * 0; s3 += v[i + 3] * 0
                i += 4
            }
            while i < v.count { s0 += v[i] * 0; i += 1 }
            return (s0 + s1) + (s2 + s3) == 0
        }
        for k in 0..<rows where bad == nil && !allFinite {
            for j in 0..<width where !tr.values[k * width + j].isFinite {
                bad = k
                column = j
                break
            }
        }
        guard let k = bad else { return tr }
        var out = tr
        out.times = Array(tr.times.prefix(k))
        out.values = Array(tr.values.prefix(k * width))
        if tr.status.isSuccess || k < tr.times.count {
            let t = k < tr.times.count ? tr.times[k] : (tr.times.last ?? 0)
            // Name the column (not a state component: the value is an observable).
            out.status = column >= 0
                ? .nonPhysical(time: t, quantity: Observable.allCases[column].rawValue, value: tr.values[k * width + column])
                : .nonFiniteState(time: t, component: -1)
        }
        return out
    }
}

/// Fixed slots written from several threads, each index by exactly one task.
final class Slots<T>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<T?>
    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }
    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }
    func set(_ i: Int, _ v: T) { buffer[i] = v }
    func values() -> [T] { buffer.map { $0! } }
}
