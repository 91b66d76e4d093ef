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
        let body: @Sendable (Int) -> Void = { i in
            let problem = problems[i]
            let t0 = DispatchTime.now().uptimeNanoseconds
            let trajectory = sanitized(simulate(problem))
            let t1 = DispatchTime.now().uptimeNanoseconds
            let summary = ArmSummary(arm: arms[i].name, trajectory: trajectory,
                                     basalStoolMLPerH: ArmSummary.basalStoolMLPerH(problem))
            var rows: [UInt8] = []
            TimeseriesWriter.appendRows(arm: arms[i].name, times: trajectory.times, values: trajectory.values, to: &rows)
            let t2 = DispatchTime.now().uptimeNanoseconds
            slots.set(i, ArmResult(arm: arms[i].name, problem: problem, trajectory: trajectory, summary: summary, rows: rows,
                                   simulateMs: Double(t1 - t0) / 1e6, encodeMs: Double(t2 - t1) / 1e6))
        }
        if threads == 1 || arms.count <= 1 {
            for i in arms.indices { body(i) }
        } else {
            // Start the costliest arms first (each dose is a segment boundary that restarts the
            // stepper), so a cheap arm fills the gap at the end. Results stay in arm order.
            let order = arms.indices.sorted { (segments(problems[$0]), -$0) > (segments(problems[$1]), -$1) }
            DispatchQueue.concurrentPerform(iterations: arms.count) { body(order[$0]) }
        }
        return slots.values()
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
        if rows != tr.times.count || tr.values.count != rows * width { bad = rows }
        for k in 0..<rows where bad == nil {
            for j in 0..<width where !tr.values[k * width + j].isFinite {
                bad = k
                break
            }
        }
        guard let k = bad else { return tr }
        var out = tr
        out.times = Array(tr.times.prefix(k))
        out.values = Array(tr.values.prefix(k * width))
        if tr.status.isSuccess || k < tr.times.count {
            let t = k < tr.times.count ? tr.times[k] : (tr.times.last ?? 0)
            out.status = .nonFiniteState(time: t, component: -1)
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
