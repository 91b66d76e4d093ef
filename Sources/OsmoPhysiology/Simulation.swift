import OsmoODE
import OsmoInflammation

/// The problem's model (parameters after its overrides, inputs at t = 0) and its dose schedule: what
/// ``simulate(_:)`` integrates, for anything else that must integrate exactly the same thing.
func makeModel(_ problem: SimulationProblem) -> (FluidModel, Schedule) {
    var parameters = problem.parameters
    var inflammationParameters = InflammationParameters()
    for (name, value) in problem.overrides.sorted(by: { $0.key < $1.key }) {
        if ModelParameters.info(named: name) != nil {
            parameters[name] = value
        } else if InflammationParameters.isKnown(name) {
            inflammationParameters[name] = value
        }
    }
    var model = FluidModel(
        patient: problem.patient, parameters: parameters, illness: problem.illness, mechanisms: problem.mechanisms,
        inflammation: InflammationModel(parameters: inflammationParameters), durationH: problem.durationH,
        solver: problem.solver, medicines: problem.medicines)
    let schedule = Schedule(problem: problem, model: model)
    model.inputs = schedule.inputs(at: 0)
    return (model, schedule)
}

/// Runs one arm: integrates the model segment by segment (every dose, infusion change and
/// vomiting episode is a segment boundary with a driver reset) and samples every ``Observable``.
public func simulate(_ problem: SimulationProblem) -> Trajectory {
    let (model, schedule) = makeModel(problem)
    let y0 = model.initialState()
    let observer = Observer(model: model, initial: y0, weightKg: problem.patient.weightKg)

    let integrator: Integrator<FluidModel>
    do {
        integrator = try Integrator(system: model, initialState: y0, time: 0, options: problem.solver)
    } catch {
        return Trajectory(times: [], values: [], status: .gslError(time: 0, code: -1, message: "\(error)"),
                          statistics: SolverStatistics())
    }

    // A failed inflammation course ends the arm at its failure time (never a silent rest state).
    let courseFailure = model.inflammation.failure
    let end = Swift.min(problem.durationH, courseFailure?.failureTime ?? problem.durationH)
    var samples: [Double] = []
    var k = 0
    while true {
        let t = Double(k) * problem.sampleIntervalH
        if t >= end * (1 - 1e-12) { break }
        samples.append(t)
        k += 1
    }
    samples.append(end)
    let boundaries = schedule.boundaries.filter { $0 > 0 && $0 < end }

    var times: [Double] = []
    var values: [Double] = []
    let width = Observable.allCases.count
    times.reserveCapacity(samples.count)
    values.reserveCapacity(samples.count * width)

    // Events at t = 0 happen before the first sample; samples at a boundary are taken after its events.
    schedule.applyEvents(at: 0, to: integrator)
    var next = 0
    for segmentEnd in boundaries + [end] {
        let last = segmentEnd == end
        let status = integrator.advance(to: segmentEnd, sampling: samples, next: &next, includingEnd: last) { t, y in
            times.append(t)
            observer.append(t: t, y: y, system: integrator.system, to: &values)
        }
        if !status.isSuccess || last { break }
        schedule.applyEvents(at: segmentEnd, to: integrator)
    }
    var status = integrator.status
    if status.isSuccess, let f = courseFailure { status = f }
    return PhysicalGuard.checked(
        Trajectory(times: times, values: values, status: status, statistics: integrator.statistics))
}
