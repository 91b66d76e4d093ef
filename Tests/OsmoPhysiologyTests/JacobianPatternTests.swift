import Testing
@testable import OsmoODE
@testable import OsmoPhysiology

/// OsmoODE learns the model's Jacobian pattern by probing (the model declares none): check, on the
/// flagship's arms, that what it learns covers every entry that is nonzero anywhere along the run,
/// so the grouped finite differences equal the dense ones there. Written against the model's
/// dimension only, so it keeps checking whatever states the model grows.
@Suite struct JacobianPatternTests {
    /// Runs one arm as ``simulate(_:)`` does and returns the state and the system every half hour.
    static func states(_ problem: SimulationProblem) -> [(t: Double, y: [Double], system: FluidModel)] {
        run(problem).states
    }

    /// The states every half hour and the pattern the integrator holds at the end (learned, checked and grown).
    static func run(_ problem: SimulationProblem) -> (states: [(t: Double, y: [Double], system: FluidModel)], pattern: JacobianSparsity?) {
        var model = FluidModel(
            patient: problem.patient, parameters: problem.parameters, illness: problem.illness, mechanisms: problem.mechanisms,
            durationH: problem.durationH, solver: problem.solver)
        let schedule = Schedule(problem: problem, model: model)
        model.inputs = schedule.inputs(at: 0)
        let integrator = try! Integrator(system: model, initialState: model.initialState(), time: 0, options: problem.solver)
        let samples = stride(from: 0.0, through: problem.durationH, by: 0.5).map { $0 }
        var out: [(t: Double, y: [Double], system: FluidModel)] = []
        schedule.applyEvents(at: 0, to: integrator)
        var next = 0
        let end = problem.durationH
        for segmentEnd in schedule.boundaries.filter({ $0 > 0 && $0 < end }) + [end] {
            _ = integrator.advance(to: segmentEnd, sampling: samples, next: &next, includingEnd: segmentEnd == end) { t, y in
                out.append((t, Array(y), integrator.system))
            }
            if segmentEnd == end { break }
            schedule.applyEvents(at: segmentEnd, to: integrator)
            // Just after each dose as well: the gut has something in it.
            out.append((segmentEnd, integrator.state, integrator.system))
        }
        return (out, integrator.jacobianSparsity)
    }

    static func arm(_ drink: String?) -> SimulationProblem {
        var p = SimulationProblem(patient: .adult, durationH: 72, sampleIntervalH: 0.25)
        p.illness = .pathogen(.norovirus, severity: 1, onsetH: 0)
        p.overrides = ["maintenance_intake_fraction": 0.3]
        if let d = drink, let fluid = FluidLibrary.named(d) {
            p.drinks = [OralDrink(fluid: fluid, schedule: .every(intervalH: 2, volumeL: 0.25, startH: 2, stopH: 48))]
        }
        return p
    }

    static func jacobian(_ box: RHSBox, _ t: Double, _ y: [Double]) -> [Double] {
        let n = box.dimension
        var dfdy = [Double](repeating: 0, count: n * n), dfdt = [Double](repeating: 0, count: n)
        _ = y.withUnsafeBufferPointer { yp in
            dfdy.withUnsafeMutableBufferPointer { j in
                dfdt.withUnsafeMutableBufferPointer { d in box.evaluateJacobian(t, yp.baseAddress!, j.baseAddress!, d.baseAddress!) }
            }
        }
        return dfdy
    }

    /// What the probes learn at the healthy start need not be complete (an entry that is zero at rest and
    /// barely moves at the probes, such as the cell Na availability of the K exchange, which acts only when K
    /// flows into cells); the grouped evaluations' own checks must then grow the pattern, so that by the end
    /// of the run it holds every entry seen along it.
    @Test("the pattern the run ends with covers every entry seen along the flagship's arms", arguments: [nil, "who-ors", "sports-drink"])
    func learnedPatternCoversTheRun(drink: String?) throws {
        var problem = Self.arm(drink)
        problem.solver.stepper = .msbdf  // Jacobians from the start, so the pattern is learned and checked throughout
        let (run, final) = Self.run(problem)
        let model0 = run[0].system
        let floor = Swift.min(Swift.max(problem.solver.absoluteTolerance / problem.solver.relativeTolerance, 1e-12), 1)
        // The pattern OsmoODE learns from its first Jacobian, at the initial state.
        let learner = SystemBox(system: model0, incrementFloor: floor, finiteDifferences: .sparse,
                                rhs: FluidModel._rhsEntry, jacobian: FluidModel._jacobianEntry)
        learner.horizon = problem.durationH  // as Integrator.advance(to:) sets it for the first segment
        _ = Self.jacobian(learner, 0, model0.initialState())
        let learned = learner.sparse!.pattern!
        // Every entry the dense differences see along the run.
        var seen = JacobianSparsity(dimension: learned.dimension, rows: [[Int]](repeating: [], count: learned.dimension))
        for s in run {
            let box = SystemBox(system: s.system, incrementFloor: floor, finiteDifferences: .dense,
                                rhs: FluidModel._rhsEntry, jacobian: FluidModel._jacobianEntry)
            var dfdy = [Double](repeating: 0, count: box.dimension * box.dimension)
            let found = s.y.withUnsafeBufferPointer { yp in
                dfdy.withUnsafeMutableBufferPointer { box.denseFiniteDifferenceJacobian(s.t, yp.baseAddress!, $0.baseAddress!, learning: true) }
            }
            let n = box.dimension
            let rows = (0..<n).map { i in (0..<n).filter { found[i * n + $0] } }
            seen = seen.union(JacobianSparsity(dimension: n, rows: rows))
        }
        let missing = seen.rows.enumerated().flatMap { i, r in r.filter { !learned.contains(row: i, column: $0) }.map { (i, $0) } }
        let ended = try #require(final)
        let missingAtEnd = seen.rows.enumerated().flatMap { i, r in r.filter { !ended.contains(row: i, column: $0) }.map { (i, $0) } }
        let colours = ColumnColouring(learned).count
        print("Jacobian pattern (\(drink ?? "untreated")): learned \(learned), \(colours) groups; along the run \(seen); missing \(missing.count): \(missing.prefix(20))")
        // What a run with the default solver learns (first Jacobian where msbdf takes over, refreshes).
        var p2 = problem
        p2.solver.finiteDifferences = .sparse
        let trajectory = simulate(p2)
        print("  run: \(trajectory.statistics.jacobianEvaluations) Jacobians, \(trajectory.statistics.finiteDifferenceEvaluations) FD calls, \(trajectory.statistics.jacobianColumnGroups) groups")
        #expect(missingAtEnd.isEmpty, "entries seen along the run but not in the pattern it ends with: \(missingAtEnd)")
        #expect(colours * 2 < learned.dimension, "\(colours) groups for \(learned.dimension) states")
    }

    /// On this model the grouped differences use the dense increments and every row reads only its
    /// pattern's columns, so the sparse Jacobian is the dense one bit for bit, and so is the solution,
    /// for fewer calls.
    @Test("sparse and dense finite differences give the same trajectory", arguments: [Stepper.auto, .msbdf])
    func sameTrajectory(stepper: Stepper) {
        var problem = Self.arm("who-ors")
        problem.solver.stepper = stepper
        problem.solver.finiteDifferences = .dense
        let dense = simulate(problem)
        problem.solver.finiteDifferences = .sparse
        let sparse = simulate(problem)
        #expect(dense.status == .success && sparse.status == .success)
        #expect(sparse.values == dense.values)
        #expect(sparse.statistics.steps == dense.statistics.steps)
        #expect(sparse.statistics.jacobianEvaluations == dense.statistics.jacobianEvaluations)
        // Fewer calls; not by a third any more: the zero-current gut couples every lumen ion to every plasma ion,
        // so rows are denser than in the 44-state model this test was written for.
        #expect(sparse.statistics.finiteDifferenceEvaluations < dense.statistics.finiteDifferenceEvaluations,
                "\(sparse.statistics.finiteDifferenceEvaluations) vs \(dense.statistics.finiteDifferenceEvaluations) FD calls")
    }
}
