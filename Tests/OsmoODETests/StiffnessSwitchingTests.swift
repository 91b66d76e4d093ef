import Foundation
import Testing
@testable import OsmoODE

/// `Stepper.auto`: rkck from every reset, msbdf for the rest of a segment once rkck's steps are
/// held down by stability.
@Suite struct StiffnessSwitchingTests {
    /// `y' = −k (y − cos t)`: relaxes onto cos t at rate k; stiff when k ≫ 1/h.
    struct Relaxation: ODESystem {
        var k: Double
        var dimension: Int { 1 }
        func derivatives(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
            dydt[0] = -k * (y[0] - cos(t))
        }
    }

    static let tight = SolverOptions(stepper: .msbdf, absoluteTolerance: 1e-13, relativeTolerance: 1e-12)
    static let options = SolverOptions(stepper: .auto, absoluteTolerance: 1e-9, relativeTolerance: 1e-7)

    /// Stiff only from t = 2 to 4 (k = 10⁴), mild elsewhere (k = 1): the events are segment boundaries.
    static func stiffInTheMiddle(_ options: SolverOptions) throws -> ODESolution {
        try solve(
            Relaxation(k: 1), from: 0, to: 6, initialState: [0], options: options, saveAt: (0...6).map(Double.init),
            events: [ODEEvent(time: 2) { s, _ in s.k = 1e4 }, ODEEvent(time: 4) { s, _ in s.k = 1 }])
    }

    @Test func switchesOnlyInTheStiffStretch() throws {
        let auto = try Self.stiffInTheMiddle(Self.options)
        let reference = try Self.stiffInTheMiddle(Self.tight)
        #expect(auto.status == .success)
        #expect(auto.statistics.stiffnessSwitches == 1, "\(auto.statistics)")
        #expect(auto.statistics.nonStiffSteps > 0 && auto.statistics.nonStiffSteps < auto.statistics.steps)
        for k in 0..<auto.times.count {
            #expect(abs(auto.state(k)[0] - reference.state(k)[0]) < 1e-5, "t = \(auto.times[k])")
        }
        // Far cheaper than rkck alone, which must creep through the stiff stretch at h ≈ 3/k.
        var explicit = Self.options
        explicit.stepper = .rkck
        let rk = try Self.stiffInTheMiddle(explicit)
        #expect(auto.statistics.rhsEvaluations * 5 < rk.statistics.rhsEvaluations,
                "auto \(auto.statistics.rhsEvaluations) vs rkck \(rk.statistics.rhsEvaluations) RHS calls")
    }

    /// `y' = −k(t)(y − cos t)` with k(t) = 1 + 10⁴·e^{−2t}: stiff at first, mild from t ≈ 5 on.
    struct FadingStiffness: ODESystem {
        var dimension: Int { 1 }
        func derivatives(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
            dydt[0] = -(1 + 1e4 * exp(-2 * t)) * (y[0] - cos(t))
        }
    }

    @Test func returnsToTheExplicitStepperWhenTheStiffnessFades() throws {
        let auto = try solve(FadingStiffness(), from: 0, to: 30, initialState: [0], options: Self.options,
                             saveAt: (0...30).map(Double.init))
        let reference = try solve(FadingStiffness(), from: 0, to: 30, initialState: [0], options: Self.tight,
                                  saveAt: (0...30).map(Double.init))
        #expect(auto.status == .success)
        #expect(auto.statistics.stiffnessSwitches >= 1, "\(auto.statistics)")
        #expect(auto.statistics.nonStiffReturns >= 1, "\(auto.statistics)")
        for k in 0..<auto.times.count { #expect(abs(auto.state(k)[0] - reference.state(k)[0]) < 1e-5) }
    }

    @Test func aNonStiffProblemNeverLeavesTheExplicitStepper() throws {
        let sol = try solve(Relaxation(k: 1), from: 0, to: 20, initialState: [0], options: Self.options)
        #expect(sol.status == .success)
        #expect(sol.statistics.stiffnessSwitches == 0)
        #expect(sol.statistics.jacobianEvaluations == 0)
        #expect(sol.statistics.nonStiffSteps == sol.statistics.steps)
    }

    @Test func robertsonIsHandedToMsbdfAndStaysAccurate() throws {
        let options = SolverOptions(stepper: .auto, absoluteTolerance: 1e-10, relativeTolerance: 1e-8)
        let auto = try solve(Robertson(), from: 0, to: 40, initialState: [1, 0, 0], options: options)
        var bdf = options
        bdf.stepper = .msbdf
        let msbdf = try solve(Robertson(), from: 0, to: 40, initialState: [1, 0, 0], options: bdf)
        #expect(auto.status == .success)
        #expect(auto.statistics.stiffnessSwitches == 1)
        #expect(relativeError(auto.finalState!, Robertson.y40) < 1e-5)
        // The explicit start costs a little, not a lot: within 3× msbdf's RHS calls.
        #expect(auto.statistics.rhsEvaluations < 3 * msbdf.statistics.rhsEvaluations,
                "auto \(auto.statistics.rhsEvaluations) vs msbdf \(msbdf.statistics.rhsEvaluations)")
    }

    @Test(arguments: [(1.5, 0), (5.0, 1)])
    func aStiffStretchIsHandedOverOnlyWhenLongEnough(stiffFor: Double, switches: Int) throws {
        // k = 400 from t = 2: rkck is held at h ≈ 1.7/400. Left for 1.5 time units that is
        // ρ·T/1.5 = 400 explicit steps at the edge, less than an msbdf restart is reckoned to cost
        // (StiffnessMonitor.restartCost = 500): rkck finishes the segment. Left for 5 (1,333), msbdf
        // takes over.
        let sol = try solve(
            Relaxation(k: 1), from: 0, to: 2 + stiffFor, initialState: [0], options: Self.options,
            events: [ODEEvent(time: 2) { s, _ in s.k = 400 }])
        #expect(sol.status == .success)
        #expect(sol.statistics.stiffnessSwitches == switches)
    }

    @Test func spectralRadiusEstimateMatchesALinearSystem() throws {
        // y' = A y with A = diag(−1, −30, −700): ρ = 700 whatever the state.
        struct Diagonal: ODESystem {
            var dimension: Int { 3 }
            func derivatives(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
                dydt[0] = -y[0]
                dydt[1] = -30 * y[1]
                dydt[2] = -700 * y[2]
            }
        }
        let integrator = try Integrator(system: Diagonal(), initialState: [1, 1, 1], options: Self.options)
        var rho = 0.0
        for _ in 0..<5 { rho = integrator.spectralRadius() }  // warm-started power iteration
        #expect(abs(rho - 700) / 700 < 1e-3, "ρ ≈ \(rho)")
    }
}
