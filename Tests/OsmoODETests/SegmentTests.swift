import Foundation
import Testing
import OsmoODE

/// Records the smallest and largest time at which the RHS was evaluated, per input phase.
final class EvaluationLog: @unchecked Sendable {
    var minTime = [Double](repeating: .infinity, count: 4)
    var maxTime = [Double](repeating: -.infinity, count: 4)
}

/// `y' = rate − k y` with the rate an input changed by events, e.g. an infusion switched on and off.
/// Closed form per segment: `y = r/k + (y_s − r/k) e^{−k (t − s)}`.
struct Infusion: ODESystem {
    var k = 0.5
    var rate = 0.0
    var phase = 0
    var log: EvaluationLog? = nil
    var dimension: Int { 1 }
    var isAutonomous: Bool { true }  // no explicit t: inputs are constant within a segment
    var hasAnalyticJacobian: Bool { true }

    func derivatives(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
        if let log {
            log.minTime[phase] = min(log.minTime[phase], t)
            log.maxTime[phase] = max(log.maxTime[phase], t)
        }
        dydt[0] = rate - k * y[0]
    }

    func jacobian(
        t: Double, y: UnsafeBufferPointer<Double>,
        dfdy: UnsafeMutableBufferPointer<Double>, dfdt: UnsafeMutableBufferPointer<Double>
    ) {
        dfdy[0] = -k
        dfdt[0] = 0
    }

    static func exact(from ys: Double, at s: Double, to t: Double, rate: Double, k: Double) -> Double {
        rate / k + (ys - rate / k) * exp(-k * (t - s))
    }
}

@Suite struct SegmentTests {
    /// An infusion on at t = 3 and off at t = 6: no RHS evaluation of a segment happens outside it,
    /// so the integrator landed on the event times exactly, and the solution matches the closed form.
    /// (rk1imp is left out: at rtol 1e-8 it needs ~10⁵ steps and its global error is ~10³× the tolerance.)
    @Test("events are hit exactly", arguments: Stepper.allCases.filter { $0 != .rk1imp })
    func eventsAreHitExactly(stepper: Stepper) throws {
        let log = EvaluationLog()
        let on = 3.0, off = 6.0
        let events = [
            ODEEvent<Infusion>(time: off) { sys, _ in sys.rate = 0; sys.phase = 2 },
            ODEEvent<Infusion>(time: on) { sys, _ in sys.rate = 1; sys.phase = 1 },  // out of order on purpose
        ]
        let saveAt = [0, 1, on, 4.5, off, 8]
        let options = SolverOptions(stepper: stepper, absoluteTolerance: 1e-10, relativeTolerance: 1e-8)
        let sol = try solve(
            Infusion(log: log), from: 0, to: 8, initialState: [1], options: options, saveAt: saveAt, events: events)
        #expect(sol.status == .success)
        #expect(sol.times == saveAt)
        #expect(sol.statistics.resets == 2)
        // Segment 0 never looked past t = 3, segment 1 lives in [3, 6], segment 2 starts at 6.
        // bsimp's substeps accumulate t in floating point and overshoot the step end by up to
        // tens of ulps (3 + 1.8e-15, 6 + 1.2e-14): harmless, since inputs change only at events.
        let slack = stepper == .bsimp ? 1e-12 : 0
        #expect(log.maxTime[0] <= on + slack)
        #expect(log.minTime[1] >= on && log.maxTime[1] <= off + slack, "\(log.maxTime[1] - off)")
        #expect(log.minTime[2] >= off && log.maxTime[2] <= 8 + slack)
        // The explicit steppers evaluate f at the start of each step: the first evaluation of a
        // segment is at the event time, bitwise.
        if !stepper.usesJacobian {
            #expect(log.maxTime[0] == on && log.minTime[1] == on)
            #expect(log.maxTime[1] == off && log.minTime[2] == off)
        }
        let k = 0.5
        let y3 = Infusion.exact(from: 1, at: 0, to: on, rate: 0, k: k)
        let y6 = Infusion.exact(from: y3, at: on, to: off, rate: 1, k: k)
        let exact: [Double] = [
            1, Infusion.exact(from: 1, at: 0, to: 1, rate: 0, k: k), y3,
            Infusion.exact(from: y3, at: on, to: 4.5, rate: 1, k: k), y6,
            Infusion.exact(from: y6, at: off, to: 8, rate: 0, k: k),
        ]
        let err = scaledError(sol.values, exact, atol: 1e-10, rtol: 1e-8)
        #expect(err < AnalyticTests.bound(stepper) * 2, "scaled error \(err)")
    }

    /// A bolus changes the state at the event; the sample at the event time shows the state after it.
    /// For the multistep methods this only works because the driver is reset (see below).
    @Test("a bolus changes the state", arguments: [Stepper.msbdf, .msadams, .rkf45, .bsimp, .rk4imp])
    func bolus(stepper: Stepper) throws {
        let system = TwoCompartment(analytic: true)
        let y0 = [1.0, 0.2]
        let te = 2.5
        let options = SolverOptions(stepper: stepper, absoluteTolerance: 1e-12, relativeTolerance: 1e-9)
        let sol = try solve(
            system, from: 0, to: 5, initialState: y0, options: options, saveAt: [0, 2, te, 4, 5],
            events: [ODEEvent(time: te) { _, y in y[0] += 0.5 }])
        #expect(sol.status == .success)
        #expect(sol.statistics.resets == 1)
        var yb = system.exact(te, y0: y0)
        yb[0] += 0.5
        let exact = [y0, system.exact(2, y0: y0), yb, system.exact(1.5, y0: yb), system.exact(2.5, y0: yb)]
        for k in 0..<5 {
            let err = relativeError(sol.state(k), exact[k])
            #expect(err < 1e-7, "sample \(k): relative error \(err)")
        }
    }

    /// Why the reset matters: a multistep method that is not reset after a bolus carries on from
    /// its history and loses the bolus (relative error 0.34 with GSL 2.7.1).
    @Test(arguments: [Stepper.msbdf, .msadams])
    func multistepWithoutResetLosesTheBolus(stepper: Stepper) throws {
        let system = TwoCompartment(analytic: true)
        let options = SolverOptions(stepper: stepper, absoluteTolerance: 1e-12, relativeTolerance: 1e-9)
        var errors: [Double] = []
        for reset in [true, false] {
            let integrator = try Integrator(system: system, initialState: [1, 0.2], options: options)
            integrator.advance(to: 2.5)
            var yb = integrator.state
            integrator.withMutableState { $0[0] += 0.5 }
            yb[0] += 0.5
            if reset { integrator.reset() }
            integrator.advance(to: 5)
            #expect(integrator.statistics.resets == (reset ? 1 : 0))
            errors.append(relativeError(integrator.state, system.exact(2.5, y0: yb)))
        }
        #expect(errors[0] < 1e-7)
        #expect(errors[1] > 0.1)
    }

    @Test func eventsAtTheSameTimeApplyInOrderWithOneReset() throws {
        let events = [
            ODEEvent<ExponentialDecay>(time: 1) { _, y in y[0] = 10 },
            ODEEvent<ExponentialDecay>(time: 2) { _, y in y[0] = 1 },
            ODEEvent<ExponentialDecay>(time: 2) { _, y in y[0] *= 3 },  // after the one above
            ODEEvent<ExponentialDecay>(time: 2) { sys, _ in sys.k = 0 },  // y constant from t = 2
            ODEEvent<ExponentialDecay>(time: 3) { _, y in y[0] += 1 },
        ]
        let sol = try solve(
            ExponentialDecay(k: 0.8), from: 0, to: 4, initialState: [1],
            options: SolverOptions(stepper: .rkf45, absoluteTolerance: 1e-12, relativeTolerance: 1e-10),
            saveAt: [2, 2.5, 4], events: events)
        #expect(sol.status == .success)
        #expect(sol.statistics.resets == 3)
        #expect(sol.component(0) == [3, 3, 4])
    }

    @Test func eventsAtStartAndEnd() throws {
        let sol = try solve(
            ExponentialDecay(k: 1), from: 0, to: 1, initialState: [1],
            options: SolverOptions(stepper: .rk8pd, absoluteTolerance: 1e-12, relativeTolerance: 1e-10),
            saveAt: [0, 1],
            events: [ODEEvent(time: 0) { _, y in y[0] = 2 }, ODEEvent(time: 1) { _, y in y[0] += 100 }])
        #expect(sol.status == .success)
        #expect(sol.statistics.resets == 2)
        #expect(sol.state(0)[0] == 2)  // the sample at an event's time is taken after it
        #expect(abs(sol.state(1)[0] - (2 * exp(-1.0) + 100)) < 1e-9)
    }

    /// Sample times are returned exactly as asked (sorted, duplicates kept), and the integrator
    /// lands on each one.
    @Test func sampleTimesAreExact() throws {
        let asked = [0.7, 1.0 / 3, 0.1, 2.0 / 3, 0.1, 0.9999999999999999]
        let options = SolverOptions(stepper: .rkf45, absoluteTolerance: 1e-12, relativeTolerance: 1e-10)
        let sol = try solve(ExponentialDecay(k: 2), from: 0, to: 1, initialState: [1], options: options, saveAt: asked)
        #expect(sol.status == .success)
        #expect(sol.times.map(\.bitPattern) == asked.sorted().map(\.bitPattern))
        #expect(sol.times.count == 6 && sol.values.count == 6)
        #expect(sol.state(0) == sol.state(1))  // the duplicate 0.1
        for (k, t) in sol.times.enumerated() {
            #expect(abs(sol.state(k)[0] - exp(-2 * t)) < 1e-9)
        }
        // Default sampling: t0 and t1 only.
        let ends = try solve(ExponentialDecay(), from: 0.25, to: 3, initialState: [1], options: options)
        #expect(ends.times == [0.25, 3])
        #expect(ends.finalState?.first == ends.component(0).last)
        // No samples at all still integrates to t1.
        let none = try solve(ExponentialDecay(), from: 0, to: 3, initialState: [1], options: options, saveAt: [])
        #expect(none.times.isEmpty && none.finalState == nil && none.statistics.steps > 0)
    }

    /// The Integrator used directly over several segments, as a scenario driver would.
    @Test func integratorMultiSegment() throws {
        let k = 0.5
        let integrator = try Integrator(
            system: Infusion(k: k), initialState: [2], time: 1,
            options: SolverOptions(stepper: .msbdf, absoluteTolerance: 1e-12, relativeTolerance: 1e-10))
        #expect(integrator.time == 1 && integrator.state == [2] && integrator.dimension == 1)
        #expect(integrator.advance(to: 1) == .success)  // zero-length segment: nothing happens
        #expect(integrator.statistics.steps == 0)

        var expected = 2.0
        var s = 1.0
        // (segment end, new infusion rate from there on, bolus at the boundary)
        let plan: [(Double, Double, Double)] = [(2.5, 1.0, 0), (4.0, 0.2, 0.75), (7.25, 0, -0.5), (10, 0, 0)]
        var rate = 0.0
        for (end, newRate, bolus) in plan {
            #expect(integrator.advance(to: end) == .success)
            #expect(integrator.time == end)  // bitwise
            expected = Infusion.exact(from: expected, at: s, to: end, rate: rate, k: k)
            #expect(abs(integrator.state[0] - expected) < 1e-8)
            integrator.modifySystem { $0.rate = newRate }
            integrator.withMutableState { $0[0] += bolus }
            integrator.reset()
            rate = newRate
            expected += bolus
            s = end
        }
        #expect(integrator.system.rate == 0)
        #expect(integrator.statistics.resets == 4)
        #expect(integrator.withState { $0[0] } == integrator.state[0])
        #expect(integrator.status == .success)
        let stats = integrator.statistics
        #expect(stats.steps > 0 && stats.rhsEvaluations > stats.steps && stats.jacobianEvaluations > 0)
    }

    // MARK: - Determinism

    /// A handful of solves whose results are compared bit for bit.
    static func workload() throws -> [[UInt64]] {
        var out: [[UInt64]] = []
        for (stepper, analytic) in [(Stepper.msbdf, false), (.msbdf, true), (.bsimp, false), (.rk4imp, true)] {
            let sol = try solve(
                Robertson(analytic: analytic), from: 0, to: 40, initialState: [1, 0, 0],
                options: SolverOptions(stepper: stepper, absoluteTolerance: 1e-10, relativeTolerance: 1e-8),
                saveAt: [0, 0.1, 1, 10, 40])
            out.append(sol.values.map(\.bitPattern) + [UInt64(sol.statistics.rhsEvaluations)])
        }
        let sol = try solve(
            Infusion(), from: 0, to: 8, initialState: [1],
            options: SolverOptions(stepper: .rkf45), saveAt: [0, 2, 4, 8],
            events: [ODEEvent(time: 3) { sys, y in sys.rate = 1; y[0] += 0.1 }])
        out.append(sol.values.map(\.bitPattern))
        return out
    }

    final class Results: @unchecked Sendable {
        let lock = NSLock()
        var byThread: [Int: [[UInt64]]] = [:]
        var failures: [String] = []
    }

    /// Two solves on separate threads at the same time give bit-identical results to serial ones.
    @Test func concurrentSolvesAreDeterministic() throws {
        let serial = try Self.workload()
        let results = Results()
        let group = DispatchGroup()
        for id in 0..<2 {
            group.enter()
            let thread = Thread {
                for round in 0..<5 {
                    do {
                        let r = try Self.workload()
                        results.lock.withLock {
                            if let prev = results.byThread[id], prev != r { results.failures.append("thread \(id) round \(round)") }
                            results.byThread[id] = r
                        }
                    } catch {
                        results.lock.withLock { results.failures.append("\(error)") }
                    }
                }
                group.leave()
            }
            thread.start()
        }
        group.wait()
        #expect(results.failures.isEmpty, "\(results.failures)")
        #expect(results.byThread[0] == serial)
        #expect(results.byThread[1] == serial)
    }
}
