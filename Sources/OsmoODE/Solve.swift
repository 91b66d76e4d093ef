/// A change applied at an exact time: the integrator lands on `time`, `action` changes the
/// system's inputs and/or the state, and the driver is reset before integration goes on.
public struct ODEEvent<System: ODESystem> {
    /// When, in the system's time units.
    public var time: Double
    /// What changes. Receives the system (inputs) and the state, both mutable.
    public var action: (inout System, UnsafeMutableBufferPointer<Double>) -> Void

    public init(time: Double, action: @escaping (inout System, UnsafeMutableBufferPointer<Double>) -> Void) {
        self.time = time
        self.action = action
    }
}

/// The result of ``solve(_:from:to:initialState:options:saveAt:events:)``: the sampled
/// trajectory, how the integration ended, and what it cost. On failure the samples reached
/// before the failure are kept.
public struct ODESolution: Sendable {
    /// Number of state components.
    public let dimension: Int
    /// Sample times, increasing.
    public var times: [Double]
    /// Sampled states, row-major: sample `k`, component `i` at `values[k * dimension + i]`.
    public var values: [Double]
    public var status: SolverStatus
    public var statistics: SolverStatistics

    @usableFromInline
    init(dimension: Int, times: [Double], values: [Double], status: SolverStatus, statistics: SolverStatistics) {
        self.dimension = dimension
        self.times = times
        self.values = values
        self.status = status
        self.statistics = statistics
    }

    /// The state at sample `k`, indexed from 0 (a copy: an `ArraySlice` of `values` would keep
    /// the indices of `values`, so `state(k)[0]` would not be component 0 for k > 0).
    public func state(_ k: Int) -> [Double] {
        Array(values[(k * dimension)..<((k + 1) * dimension)])
    }

    /// Component `i` at every sample.
    public func component(_ i: Int) -> [Double] {
        stride(from: i, to: values.count, by: dimension).map { values[$0] }
    }

    /// The last sampled state, if any.
    public var finalState: [Double]? { times.isEmpty ? nil : state(times.count - 1) }
}

/// Integrates `system` from `t0` to `t1`, sampling at `saveAt` (default: `t0` and `t1`)
/// and applying `events` at their exact times (each one a segment boundary with a driver reset).
///
/// A sample at an event's time records the state after the event. Events at the same time
/// are applied in the order given.
/// - Throws: ``ODEError`` for invalid options, a state of the wrong size, or sample or event
///   times outside `[t0, t1]`. Failures *during* integration are not thrown: they are the
///   solution's ``ODESolution/status``, with the samples reached kept.
@inlinable  // specialized in the caller's module, like Integrator.init (see SystemBox.swift)
public func solve<System: ODESystem>(
    _ system: System,
    from t0: Double,
    to t1: Double,
    initialState: [Double],
    options: SolverOptions = SolverOptions(),
    saveAt: [Double]? = nil,
    events: [ODEEvent<System>] = []
) throws -> ODESolution {
    guard t0.isFinite, t1.isFinite, t1 >= t0 else {
        throw ODEError.invalidProblem("time span must be finite with t1 ≥ t0 (got \(t0) → \(t1))")
    }
    let samples = (saveAt ?? [t0, t1]).sorted()
    if let bad = samples.first(where: { !($0 >= t0 && $0 <= t1) }) {
        throw ODEError.invalidProblem("sample time \(bad) is outside [\(t0), \(t1)]")
    }
    let schedule = events.enumerated().sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }
        .map(\.element)
    if let bad = schedule.first(where: { !($0.time >= t0 && $0.time <= t1) }) {
        throw ODEError.invalidProblem("event time \(bad.time) is outside [\(t0), \(t1)]")
    }

    let integrator = try Integrator(system: system, initialState: initialState, time: t0, options: options)
    let n = integrator.dimension
    var times: [Double] = []
    var values: [Double] = []
    times.reserveCapacity(samples.count)
    values.reserveCapacity(samples.count * n)

    var i = 0, j = 0
    while true {
        var next = t1
        if i < samples.count { next = Swift.min(next, samples[i]) }
        if j < schedule.count { next = Swift.min(next, schedule[j].time) }
        if !integrator.advance(to: next).isSuccess { break }
        var changed = false
        while j < schedule.count && schedule[j].time == next {
            let action = schedule[j].action
            integrator.modifySystem { sys in
                integrator.withMutableState { y in action(&sys, y) }
            }
            changed = true
            j += 1
        }
        if changed { integrator.reset() }
        while i < samples.count && samples[i] == next {
            times.append(next)
            integrator.withState { values.append(contentsOf: $0) }
            i += 1
        }
        if next >= t1 && i >= samples.count && j >= schedule.count { break }
    }
    return ODESolution(
        dimension: n, times: times, values: values,
        status: integrator.status, statistics: integrator.statistics)
}
