import Foundation

/// Pulse and pressure at one instant, from the blood volume under the baroreflex (MODEL.md §7c).
/// Algebraic: the reflex is taken to be at its steady state (it settles in tens of seconds, the
/// fluid model moves over minutes to hours), so the circulation adds no state to the ODE.
struct Haemodynamics {
    /// Plasma plus red cells, L.
    var bloodVolume = 0.0
    /// Red-cell fraction of the blood.
    var haematocrit = 0.0
    /// Sympathetic (baroreflex) drive s ∈ (−1, 1); 0 at rest.
    var sympathetic = 0.0
    var heartRate = 0.0           // bpm
    var meanPressure = 0.0        // mmHg
    var systolic = 0.0, diastolic = 0.0  // mmHg
    /// Stroke volume and cardiac output relative to rest.
    var strokeRel = 1.0, cardiacOutputRel = 1.0
}

/// Per-patient circulation constants: normal blood volume, red-cell volume, the age's resting pulse and
/// pressure and its limits (tachycardia, hypotension), and the reflex parameters.
struct CirculationConstants: Sendable {
    let redCellVolume: Double      // L (fixed: diarrhoea loses no red cells)
    let bloodVolume0: Double       // L
    let haematocrit0: Double
    let heartRate0: Double         // bpm
    let meanPressure0: Double, pulsePressure0: Double  // mmHg
    let standingShift: Double      // L pooled in the legs on standing
    /// Heart rate above which the age is tachycardic, bpm (APLS upper limits).
    let tachycardiaBpm: Double
    /// Systolic pressure below which the age is hypotensive, mmHg (PALS / adult 90).
    let hypotensionSystolic: Double
    let unstressed: Double, venoconstriction: Double, heartGain: Double, resistanceGain: Double
    let reflexGain: Double, starlingHalf: Double
    /// Smoothed stressed-volume ratio at rest (so stroke volume is exactly 1 at rest).
    let stressed1: Double
    let autoregulationLimit: Double, filtrationStop: Double
    let viscosityGain: Double
    /// GFR autoregulation factor at the resting pressure (divided out so it is exactly 1 at rest).
    let autoregulation0: Double
    /// The reflex drive s and its slope ds/dx at the central blood volumes x = 1 + (i − tableCentre)/512, for a cubic
    /// Hermite interpolant: the loop is solved once per node here instead of in every call of the right-hand side.
    let driveTable: [Double], driveSlope: [Double]

    static let stressedWidth = 0.05
    /// Nodes of the drive table: x from 1 − 358/512 (0.30) to 1 + 307/512 (1.60), spacing 1/512 (exact in binary,
    /// so x = 1, the resting state, falls on a node and gives the solved value itself).
    static let tableCentre = 358, tableCount = 666, tableStep = 1.0 / 512

    init(patient: Patient, plasma0: Double, _ p: ModelParameters) {
        let m = patient.maturity
        haematocrit0 = p.haematocritInfant + (p.haematocritAdult - p.haematocritInfant) * m
        redCellVolume = plasma0 * haematocrit0 / (1 - haematocrit0)
        bloodVolume0 = plasma0 + redCellVolume
        heartRate0 = p.heartRateInfant + (p.heartRateAdult - p.heartRateInfant) * m
        let sbp = p.systolicInfant + (p.systolicAdult - p.systolicInfant) * m
        let dbp = p.diastolicInfant + (p.diastolicAdult - p.diastolicInfant) * m
        pulsePressure0 = sbp - dbp
        meanPressure0 = dbp + pulsePressure0 / 3
        standingShift = p.standingShiftFraction * bloodVolume0
        tachycardiaBpm = CirculationConstants.tachycardiaLimit(ageYears: patient.ageYears)
        hypotensionSystolic = CirculationConstants.hypotensionLimit(ageYears: patient.ageYears)
        unstressed = p.unstressedVolumeFraction
        venoconstriction = p.venoconstrictionGain
        heartGain = p.heartRateReflexGain
        resistanceGain = p.resistanceReflexGain
        reflexGain = p.baroreflexGain
        starlingHalf = p.frankStarlingHalf
        stressed1 = Smooth.positive(1, width: CirculationConstants.stressedWidth)
        autoregulationLimit = p.gfrAutoregulationLimit
        filtrationStop = p.gfrFiltrationStop
        viscosityGain = p.viscosityHaematocritGain
        autoregulation0 = CirculationConstants.autoregulationRaw(1, limit: p.gfrAutoregulationLimit, stop: p.gfrFiltrationStop)
        var table = [Double](repeating: 0, count: CirculationConstants.tableCount), slope = table
        for i in 0..<CirculationConstants.tableCount {
            let x = 1 + Double(i - CirculationConstants.tableCentre) * CirculationConstants.tableStep
            (table[i], slope[i]) = CirculationConstants.solveDrive(
                x: x, unstressed: unstressed, venoconstriction: venoconstriction, loopGain: heartGain + resistanceGain,
                reflexGain: reflexGain, starlingHalf: starlingHalf, stressed1: stressed1)
        }
        driveTable = table
        driveSlope = slope
    }

    /// The baroreflex drive s at central blood volume x: s = tanh(G·(1 − MAP/MAP0)) solved by safeguarded Newton
    /// (the residual is increasing in s, so the root in (−1, 1) is unique), and ds/dx by implicit differentiation.
    static func solveDrive(x: Double, unstressed fu: Double, venoconstriction av: Double, loopGain k: Double,
                           reflexGain g: Double, starlingHalf kap: Double, stressed1: Double) -> (Double, Double) {
        let w = stressedWidth
        let dr = fu * av / (1 - fu)
        let norm = (stressed1 + kap) / stressed1
        // Newton inside the bracket [lo, hi], bisecting whenever the step leaves it or fails to halve the residual:
        // plain safeguarded Newton can cycle between two points inside the bracket (it did near x = 0.55, a
        // 45 % blood-volume loss or a standing patient with 30 % loss, stopping 0.08 short of the root).
        var lo = -1.0, hi = 1.0, s = 0.0, lastResidual = Double.infinity
        for _ in 0..<200 {
            let r = (x - fu * (1 - av * s)) / (1 - fu)
            let q = (r * r + w * w).squareRoot()
            let rp = 0.5 * (r + q)
            let drp = 0.5 * (1 + r / q) * dr
            let sv = norm * rp / (rp + kap)
            let dsv = norm * kap / ((rp + kap) * (rp + kap)) * drp
            let e = exp(k * s)
            let m = e * sv, dm = e * (k * sv + dsv)
            let th = tanh(g * (1 - m))
            let residual = s - th, slope = 1 + g * (1 - th * th) * dm
            if residual > 0 { hi = s } else { lo = s }
            if residual == 0 { break }
            var next = s - residual / slope
            if !(next > lo && next < hi) || Swift.abs(residual) > 0.5 * lastResidual { next = 0.5 * (lo + hi) }
            lastResidual = Swift.abs(residual)
            if Swift.abs(next - s) < 1e-14 || !next.isFinite { break }
            s = next
        }
        // ds/dx = −(∂F/∂x)/(∂F/∂s) for F = s − tanh(G(1 − m(s, x))).
        let r = (x - fu * (1 - av * s)) / (1 - fu)
        let q = (r * r + w * w).squareRoot()
        let rp = 0.5 * (r + q)
        let sv = norm * rp / (rp + kap)
        let dsvdr = norm * kap / ((rp + kap) * (rp + kap)) * 0.5 * (1 + r / q)
        let e = exp(k * s)
        let th = tanh(g * (1 - e * sv))
        let fs = 1 + g * (1 - th * th) * e * (k * sv + dsvdr * dr)
        let fx = g * (1 - th * th) * e * dsvdr / (1 - fu)
        return (s, -fx / fs)
    }

    /// The drive at x: the cubic Hermite interpolant of the table inside it, the solve outside.
    @inline(__always)
    func drive(x: Double) -> Double {
        let u = (x - 1) / CirculationConstants.tableStep + Double(CirculationConstants.tableCentre)
        if u >= 0 && u < Double(CirculationConstants.tableCount - 1) {
            let i = Int(u), t = u - Double(i), h = CirculationConstants.tableStep
            let t2 = t * t, t3 = t2 * t
            return (2 * t3 - 3 * t2 + 1) * driveTable[i] + (t3 - 2 * t2 + t) * h * driveSlope[i]
                + (-2 * t3 + 3 * t2) * driveTable[i + 1] + (t3 - t2) * h * driveSlope[i + 1]
        }
        return CirculationConstants.solveDrive(x: x, unstressed: unstressed, venoconstriction: venoconstriction,
                                               loopGain: heartGain + resistanceGain, reflexGain: reflexGain,
                                               starlingHalf: starlingHalf, stressed1: stressed1).0
    }

    /// Upper limit of the resting heart rate for the age, bpm (APLS ranges, tabulated by Fleming et al.,
    /// Lancet 2011, web box 1): < 1 y 160, 1–2 y 150, 2–5 y 140, 5–12 y 120, ≥ 12 y 100.
    static func tachycardiaLimit(ageYears a: Double) -> Double {
        a < 1 ? 160 : (a < 2 ? 150 : (a < 5 ? 140 : (a < 12 ? 120 : 100)))
    }

    /// Hypotension, systolic mmHg (PALS): < 70 under 1 y, < 70 + 2·age from 1 to 10 y, < 90 from 10 y.
    static func hypotensionLimit(ageYears a: Double) -> Double {
        a < 1 ? 70 : (a < 10 ? 70 + 2 * a : 90)
    }

    /// Pulse and pressure with plasma volume `vp` (L) and `shift` L of blood pooled away from the heart
    /// (the legs on standing).
    ///
    /// Central blood volume x = (V_p + V_rbc − shift)/BV0. The reflex drive s sets heart rate
    /// HR0·e^{a_H s}, resistance R0·e^{a_R s} and the unstressed volume f_u·(1 − a_V s)·BV0; the stressed
    /// volume ratio r = (x − f_u(1 − a_V s))/(1 − f_u) sets the stroke volume (Frank–Starling)
    /// SV/SV0 = r⁺(r⁺₁ + κ)/(r⁺₁(r⁺ + κ)) with r⁺ = Smooth.positive(r, 0.05); MAP/MAP0 = e^{(a_H + a_R)s}·SV/SV0;
    /// cardiac output e^{a_H s}·SV/SV0/η with the blood's relative viscosity η = e^{k(Hct − Hct0)}.
    /// The baroreflex closes the loop: s = tanh(G·(1 − MAP/MAP0)), solved by safeguarded Newton
    /// (the residual is increasing in s, so the root in (−1, 1) is unique) once per node of a table in x at the
    /// patient's start and read by cubic Hermite interpolation (``drive(x:)``; the solve itself outside the table).
    /// Pulse pressure ∝ stroke volume.
    @inline(__always)
    func state(plasmaVolume vp: Double, shift: Double = 0) -> Haemodynamics {
        var h = Haemodynamics()
        let bv = max(vp, 0) + redCellVolume
        h.bloodVolume = bv
        h.haematocrit = redCellVolume / max(bv, 1e-9)
        let x = (bv - shift) / bloodVolume0
        let fu = unstressed, kap = starlingHalf
        let w = CirculationConstants.stressedWidth
        let norm = (stressed1 + kap) / stressed1
        let s = drive(x: x)
        let r = (x - fu * (1 - venoconstriction * s)) / (1 - fu)
        let rp = Smooth.positive(r, width: w)
        let sv = norm * rp / (rp + kap)
        h.sympathetic = s
        h.strokeRel = sv
        let hr = exp(heartGain * s)
        h.heartRate = heartRate0 * hr
        // Viscosity η = e^{k(Hct − Hct0)} raises the resistance to venous return (cardiac output ∝ 1/η) and the
        // vascular resistance alike, so it cancels from the pressure and lowers the flow.
        let viscosity = exp(min(viscosityGain * (h.haematocrit - haematocrit0), 30))
        h.cardiacOutputRel = hr * sv / viscosity
        h.meanPressure = meanPressure0 * hr * sv * exp(resistanceGain * s)
        let pp = pulsePressure0 * sv
        h.systolic = h.meanPressure + 2 * pp / 3
        h.diastolic = h.meanPressure - pp / 3
        return h
    }

    /// Renal autoregulation: GFR is held above autoregulation_limit × the normal MAP and falls linearly to
    /// zero at filtration_stop × normal (smooth corners), relative to rest.
    @inline(__always)
    func autoregulation(meanPressure map: Double) -> Double {
        CirculationConstants.autoregulationRaw(map / meanPressure0, limit: autoregulationLimit, stop: filtrationStop)
            / autoregulation0
    }

    /// min(max(u, 0), 1) with smooth corners, u = (MAP/MAP0 − stop)/(limit − stop).
    @inline(__always)
    static func autoregulationRaw(_ pressureRel: Double, limit: Double, stop: Double) -> Double {
        let u = (pressureRel - stop) / (limit - stop)
        return Smooth.minimum(Smooth.positive(u, width: 0.05), 1, width: 0.1)
    }
}

/// The bedside signs read from the circulation (MODEL.md §7c).
public enum Circulation {
    /// Postural pulse rise that marks hypovolaemia, bpm (McGee et al., JAMA 1999).
    public static let posturalPulseRiseBpm = 30.0
    /// Postural systolic fall that is orthostatic hypotension, mmHg (consensus: ≥ 20 within 3 min of standing).
    public static let posturalSystolicDropMmHg = 20.0

    /// Dizziness on standing: a postural pulse rise ≥ 30 bpm or a systolic fall ≥ 20 mmHg.
    public static func dizzy(hrRise: Double, sbpDrop: Double) -> Bool {
        hrRise >= posturalPulseRiseBpm || sbpDrop >= posturalSystolicDropMmHg
    }
}
