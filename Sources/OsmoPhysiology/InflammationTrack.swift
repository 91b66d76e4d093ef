import Foundation
import OsmoODE
import OsmoInflammation

/// The inflammation submodel as an ODE system of its own: driven only by time (the pathogen load of
/// the illness course), by endotoxin boluses and by oral fever-medicine doses.
struct InflammationSystem: ODESystem {
    let model: InflammationModel
    let illness: IllnessDriver
    var dimension: Int { InflammationModel.stateCount }

    func derivatives(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
        model.derivatives(t: t, y: y.baseAddress!, dydt: dydt.baseAddress!,
                          pathogenLoad: illness.load(t), inflammatoryPotency: illness.inflammatoryPotency,
                          mucosalInflammation: illness.mucosalInflammation, mucosalInvasion: illness.mucosalInvasion)
    }
}

/// The solved course of the inflammation submodel, read by interpolation.
///
/// Inflammation depends only on time (pathogen load, endotoxin boluses) and feeds the fluid model only
/// through core temperature, so the coupling is one-way: it is solved first, on a fine grid
/// (`gridStepH`) with GSL's msbdf at tight tolerance, and the fluid model reads the state by cubic
/// Hermite interpolation (values and slopes at the grid points: continuous with continuous slope).
/// A bolus splits the course into segments, so the jump it makes is never smeared.
public struct InflammationTrack: Sendable {
    struct Segment: Sendable {
        var start: Double
        var step: Double
        var count: Int
        var values: [Double]   // count × n
        var slopes: [Double]   // count × n
    }

    public let model: InflammationModel
    let segments: [Segment]
    /// Constant baseline state (no stimulus, or the mechanism switched off).
    let baseline: [Double]
    /// Why the course could not be solved to the end (`nil` when it was): the arm must stop at its
    /// time instead of reading a course that is not there (never a silent fall-back to rest).
    public let failure: SolverStatus?
    /// Most accepted steps per hour of course (plus a fixed allowance): bounds the cost of a course
    /// that extreme parameters make stiff beyond use (a normal course takes a few hundred steps in all).
    static let stepsPerHour = 200, stepAllowance = 20_000
    public static let gridStepH = 1.0 / 40

    static let n = InflammationModel.stateCount

    /// Solves the course over [0, end]. With no stimulus (or `active` false) the state stays at rest.
    /// `relativeTolerance`/`absoluteTolerance` apply when tighter than the track's own 1e-8 / 1e-9.
    /// A course this process has already solved with the same inputs is reused (``Solved``): the
    /// arms of a scenario share one, and so do the runs of a sweep that leaves the illness alone.
    /// A fever-medicine dose: `mgPerKg` of `medicine` swallowed at `time` (h).
    typealias Dose = (time: Double, medicine: FeverMedicine, mgPerKg: Double)

    init(model: InflammationModel, illness: IllnessDriver, boluses: [(time: Double, ngPerKg: Double)], doses: [Dose] = [],
         endH: Double, active: Bool, relativeTolerance: Double = 1e-8, absoluteTolerance: Double = 1e-9) {
        let key = Key(model: model, illness: illness, boluses: boluses, doses: doses, endH: endH, active: active,
                      relativeTolerance: relativeTolerance, absoluteTolerance: absoluteTolerance)
        if let known = Solved.shared.track(for: key) {
            self = known
            return
        }
        self.init(solving: model, illness: illness, boluses: boluses, doses: doses, endH: endH, active: active,
                  relativeTolerance: relativeTolerance, absoluteTolerance: absoluteTolerance)
        Solved.shared.keep(self, for: key)
    }

    private init(solving model: InflammationModel, illness: IllnessDriver, boluses: [(time: Double, ngPerKg: Double)],
                 doses: [Dose], endH: Double, active: Bool, relativeTolerance: Double, absoluteTolerance: Double) {
        self.model = model
        var y0 = [Double](repeating: 0, count: Self.n)
        y0.withUnsafeMutableBufferPointer { model.initialState($0.baseAddress!) }
        baseline = y0
        let stimulated = active && ((illness.active && (illness.inflammatoryPotency > 0 || illness.mucosalInflammation > 0))
                                    || !boluses.isEmpty || !doses.isEmpty)
        guard stimulated, endH > 0 else {
            segments = []
            failure = nil
            return
        }
        let system = InflammationSystem(model: model, illness: active ? illness : IllnessDriver())
        let options = SolverOptions(stepper: .msbdf, absoluteTolerance: Swift.min(absoluteTolerance, 1e-9),
                                    relativeTolerance: Swift.min(relativeTolerance, 1e-8),
                                    initialStep: 1e-5,
                                    maxSteps: Self.stepAllowance + Self.stepsPerHour * Int(Swift.min(endH, 1e6).rounded(.up)))
        let integrator: Integrator<InflammationSystem>
        do {
            integrator = try Integrator(system: system, initialState: y0, time: 0, options: options)
        } catch {
            segments = []
            failure = .subsystemFailure(time: 0, subsystem: "inflammation course", reason: "\(error)")
            return
        }
        let cuts = Set((boluses.map(\.time) + doses.map(\.time)).filter { $0 > 0 && $0 < endH })
        let bounds = [0.0] + cuts.sorted() + [endH]
        var segs: [Segment] = []
        var failed: SolverStatus?
        var derivative = [Double](repeating: 0, count: Self.n)
        for s in 0..<(bounds.count - 1) {
            let a = bounds[s], b = bounds[s + 1]
            integrator.withMutableState { y in
                for bolus in boluses where bolus.time == a {
                    model.addEndotoxinBolus(ngPerKg: bolus.ngPerKg, to: y.baseAddress!)
                }
                for dose in doses where dose.time == a {
                    model.addOralDose(dose.medicine, mgPerKg: dose.mgPerKg, to: y.baseAddress!)
                }
            }
            integrator.reset()
            let steps = Swift.max(1, Int(((b - a) / Self.gridStepH).rounded(.up)))
            let h = (b - a) / Double(steps)
            let times = (0...steps).map { $0 == steps ? b : a + Double($0) * h }
            var seg = Segment(start: a, step: h, count: steps + 1, values: [], slopes: [])
            seg.values.reserveCapacity((steps + 1) * Self.n)
            seg.slopes.reserveCapacity((steps + 1) * Self.n)
            var next = 0
            let status = integrator.advance(to: b, sampling: times, next: &next) { t, y in
                seg.values.append(contentsOf: y)
                derivative.withUnsafeMutableBufferPointer { d in system.derivatives(t: t, y: y, dydt: d) }
                seg.slopes.append(contentsOf: derivative)
            }
            let finite = seg.values.allSatisfy(\.isFinite) && seg.slopes.allSatisfy(\.isFinite)
            if !status.isSuccess || !finite || seg.values.count < seg.count * Self.n {
                // A failed solve: the course ends at the last grid point reached, and so must the arm.
                let reached = seg.values.count / Self.n
                let t = reached > 0 ? Swift.min(a + Double(reached - 1) * h, b) : a
                let why = !status.isSuccess ? status.description : (finite ? "incomplete course" : "non-finite value")
                failed = .subsystemFailure(time: status.failureTime.map { Swift.min($0, t) } ?? t,
                                           subsystem: "inflammation course", reason: why)
                break
            }
            segs.append(seg)
        }
        segments = segs
        failure = failed
    }

    /// Where time `t` falls: the segment, the interval j in it (−1 when the segment has one sample) and the
    /// cubic Hermite weights (a, b·step, c, d·step) of its two end values and slopes; nil before any segment.
    @inline(__always)
    private func position(at t: Double) -> (segment: Int, j: Int, a: Double, b: Double, c: Double, d: Double)? {
        guard !segments.isEmpty else { return nil }
        var k = 0
        while k + 1 < segments.count && t >= segments[k + 1].start { k += 1 }
        let seg = segments[k]
        let u = Swift.min(Swift.max((t - seg.start) / seg.step, 0), Double(seg.count - 1))
        let j = Swift.min(Int(u), seg.count - 2)
        if j < 0 { return (k, j, 1, 0, 0, 0) }
        let s = u - Double(j)
        let s2 = s * s, s3 = s2 * s
        return (k, j, 2 * s3 - 3 * s2 + 1, (s3 - 2 * s2 + s) * seg.step, -2 * s3 + 3 * s2, (s3 - s2) * seg.step)
    }

    /// Component `i` of the state at time `t` (h).
    @inline(__always)
    func component(_ i: Int, at t: Double) -> Double {
        guard let p = position(at: t) else { return baseline[i] }
        let seg = segments[p.segment], n = Self.n
        if p.j < 0 { return seg.values[i] }
        return p.a * seg.values[p.j * n + i] + p.b * seg.slopes[p.j * n + i] + p.c * seg.values[(p.j + 1) * n + i]
            + p.d * seg.slopes[(p.j + 1) * n + i]
    }

    /// The whole state at time `t`, written into `out` (``InflammationModel/stateCount`` values): the same values
    /// as ``component(_:at:)`` for every `i`, with the position found once instead of once per component.
    func state(at t: Double, into out: UnsafeMutablePointer<Double>) {
        let n = Self.n
        guard let p = position(at: t) else {
            for i in 0..<n { out[i] = baseline[i] }
            return
        }
        let seg = segments[p.segment]
        seg.values.withUnsafeBufferPointer { values in
            if p.j < 0 {
                for i in 0..<n { out[i] = values[i] }
                return
            }
            seg.slopes.withUnsafeBufferPointer { slopes in
                let v0 = values.baseAddress! + p.j * n, v1 = v0 + n
                let d0 = slopes.baseAddress! + p.j * n, d1 = d0 + n
                for i in 0..<n { out[i] = p.a * v0[i] + p.b * d0[i] + p.c * v1[i] + p.d * d1[i] }
            }
        }
    }

    /// Core temperature, °C.
    @inline(__always)
    public func temperature(at t: Double) -> Double { component(InflammationState.temperature, at: t) }
}

extension InflammationTrack {
    /// Everything a track is computed from: equal keys give bit-identical tracks.
    struct Key: Equatable {
        var parameters: InflammationParameters
        /// The illness as the track reads it: active, onset, peak time, shape, severity, potency.
        var illness: [Double]
        var boluses: [Double]
        var doses: [Double]
        var endH: Double
        var active: Bool
        var relativeTolerance: Double
        var absoluteTolerance: Double

        init(model: InflammationModel, illness d: IllnessDriver, boluses: [(time: Double, ngPerKg: Double)], doses: [Dose], endH: Double,
             active: Bool, relativeTolerance: Double, absoluteTolerance: Double) {
            parameters = model.parameters
            illness = [d.active ? 1 : 0, d.onsetH, d.peakTimeH, d.shape, d.severity, d.inflammatoryPotency, d.mucosalInflammation, d.mucosalInvasion]
            self.boluses = boluses.flatMap { [$0.time, $0.ngPerKg] }
            self.doses = doses.flatMap { [$0.time, Double(FeverMedicine.allCases.firstIndex(of: $0.medicine)!), $0.mgPerKg] }
            self.endH = endH
            self.active = active
            self.relativeTolerance = relativeTolerance
            self.absoluteTolerance = absoluteTolerance
        }
    }

    /// The last few tracks solved in this process (thread-safe; a handful of entries, so memory stays flat).
    final class Solved: @unchecked Sendable {
        static let shared = Solved()
        static let capacity = 8
        private let lock = NSLock()
        private var entries: [(key: Key, track: InflammationTrack)] = []

        func track(for key: Key) -> InflammationTrack? {
            lock.lock()
            defer { lock.unlock() }
            return entries.last(where: { $0.key == key })?.track
        }

        func keep(_ track: InflammationTrack, for key: Key) {
            lock.lock()
            defer { lock.unlock() }
            if entries.contains(where: { $0.key == key }) { return }
            if entries.count == Solved.capacity { entries.removeFirst() }
            entries.append((key, track))
        }
    }
}
