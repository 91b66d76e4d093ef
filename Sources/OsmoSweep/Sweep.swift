import OsmoPhysiology
import OsmoScenario

/// A checked sweep: a base scenario, the arms to run, the parameters and their ranges, a sampling
/// plan and the outcomes to record. Built by ``SweepValidator``; run by ``SweepRunner``.
public struct Sweep: Sendable {
    /// The sweep file (for messages and the default output directory).
    public var file: String
    public var name: String
    public var description: String
    /// The base scenario, with the sweep's `duration` and `sample_every` applied.
    public var scenario: Scenario
    /// The scenario file's text (part of the fingerprint).
    public var scenarioText: String
    /// The arms run at every point, in the scenario's order.
    public var arms: [Scenario.Arm]
    public var parameters: [SweepParameter]
    public var plan: SamplingPlan
    /// `summary.csv` columns recorded per run and arm (``SweepTable/outcomeColumns``).
    public var outcomes: [String]

    public init(file: String, name: String, description: String = "", scenario: Scenario, scenarioText: String,
                arms: [Scenario.Arm], parameters: [SweepParameter], plan: SamplingPlan, outcomes: [String]) {
        self.file = file
        self.name = name
        self.description = description
        self.scenario = scenario
        self.scenarioText = scenarioText
        self.arms = arms
        self.parameters = parameters
        self.plan = plan
        self.outcomes = outcomes
    }

    /// Number of runs (points); each run simulates every arm.
    public var runCount: Int { plan.runCount(parameters) }

    /// The problem of `arm` at the parameter values `values` (in ``parameters`` order).
    public func problem(arm: Scenario.Arm, values: [Double]) -> SimulationProblem {
        var quantities: [(ScenarioQuantity, Double)] = []
        var overrides: [String: Double] = [:]
        for (p, v) in zip(parameters, values) {
            switch p.target {
            case .model(let name): overrides[name] = v
            case .scenario(let q): quantities.append((q, v))
            }
        }
        return scenario.problem(for: arm, setting: quantities, overrides: overrides)
    }
}

/// One swept parameter: a documented name, what it sets, and its range.
public struct SweepParameter: Sendable, Equatable {
    public enum Target: Sendable, Equatable {
        /// A model parameter by documented name (``OverrideNames``), in its documented unit.
        case model(String)
        /// A scenario-level quantity (``ScenarioQuantity``).
        case scenario(ScenarioQuantity)
    }

    /// How values are drawn.
    public enum Distribution: Sendable, Equatable {
        /// Uniform on [low, high].
        case uniform(low: Double, high: Double)
        /// Uniform in log(value) on [low, high], 0 < low.
        case logUniform(low: Double, high: Double)
        /// One of these values, each equally likely (a grid uses each once).
        case values([Double])
    }

    public var name: String
    public var target: Target
    public var distribution: Distribution
    /// Grid levels for `uniform`/`logUniform` (evenly spaced, ends included; geometric for log-uniform).
    public var levels: Int?

    public init(name: String, target: Target, distribution: Distribution, levels: Int? = nil) {
        self.name = name
        self.target = target
        self.distribution = distribution
        self.levels = levels
    }

    /// The value at unit coordinate `u` ∈ [0, 1): the inverse of the distribution's CDF.
    @inline(__always)
    public func value(unit u: Double) -> Double {
        switch distribution {
        case .uniform(let a, let b): return a + u * (b - a)
        case .logUniform(let a, let b): return (a.log() + u * (b.log() - a.log())).exp()
        case .values(let vs): return vs[min(max(Int(u * Double(vs.count)), 0), vs.count - 1)]
        }
    }

    /// How many grid levels this parameter has (without building them).
    public var gridCount: Int {
        if case .values(let vs) = distribution { return vs.count }
        return max(levels ?? 1, 1)
    }

    /// The grid levels of this parameter.
    public var gridValues: [Double] {
        switch distribution {
        case .values(let vs): return vs
        case .uniform, .logUniform:
            let n = max(levels ?? 1, 1)
            if n == 1 { return [value(unit: 0.5)] }
            return (0..<n).map { k in
                if k == n - 1 { // the upper end exactly
                    if case .uniform(_, let b) = distribution { return b }
                    if case .logUniform(_, let b) = distribution { return b }
                }
                return value(unit: Double(k) / Double(n - 1))
            }
        }
    }
}

import Foundation

extension Double {
    @inline(__always) fileprivate func log() -> Double { Foundation.log(self) }
    @inline(__always) fileprivate func exp() -> Double { Foundation.exp(self) }
}
