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

/// The closed loop of the circulation at a central blood volume x (relative to the reference blood volume) and a
/// sympathetic drive s: the stressed volume sets the mean systemic filling pressure, venous return and the
/// Frank–Starling heart meet at the right atrial pressure (Guyton), and the reflex sets heart rate, resistance and the
/// unstressed volume (MODEL.md §7c). Relative to rest throughout.
struct CirculationLoop: Sendable {
    let unstressed: Double, venoconstriction: Double, heartGain: Double, resistanceGain: Double
    let reflexGain: Double, starlingHalf: Double, atrialRatio: Double
    /// Smoothed stressed-volume ratio at rest, and the venous-return numerator P − ρp at rest (each divided out so
    /// the filling pressure and the output are exactly 1 at rest).
    let stressed1: Double
    private(set) var output1: Double

    static let stressedWidth = 0.05

    init(unstressed: Double, venoconstriction: Double, heartGain: Double, resistanceGain: Double,
         reflexGain: Double, starlingHalf: Double, atrialRatio: Double) {
        self.unstressed = unstressed
        self.venoconstriction = venoconstriction
        self.heartGain = heartGain
        self.resistanceGain = resistanceGain
        self.reflexGain = reflexGain
        self.starlingHalf = starlingHalf
        self.atrialRatio = atrialRatio
        stressed1 = Smooth.positive(1, width: CirculationLoop.stressedWidth)
        output1 = 1
        output1 = equilibrium(x: 1, s: 0).output  // the numerator at rest (with output1 = 1 the formula returns it)
    }

    /// Filling pressure P (relative), heart-rate factor h, right atrial pressure p (relative), the cardiac output
    /// (relative, before viscosity) and MAP/MAP0, with their partial derivatives in s and x.
    struct Point { var output = 0.0, pressure = 0.0, heart = 1.0, atrial = 0.0, dpds = 0.0, dpdx = 0.0 }

    /// Venous return ∝ P − ρp (relative to rest, (P − ρp)/(1 − ρ) with the rest at p = 1) equals the heart's output h·p(1 + κ)/(p + κ): the positive root p of
    /// ρp² + Bp − Pκ = 0, B = h(1 + κ)(1 − ρ) − P + ρκ, written 2Pκ/(B + √(B² + 4ρPκ)) (no cancellation as P → 0).
    @inline(__always)
    func equilibrium(x: Double, s: Double) -> Point {
        let fu = unstressed, k = starlingHalf, rho = atrialRatio
        let r = (x - fu * (1 - venoconstriction * s)) / (1 - fu)
        let q = (r * r + CirculationLoop.stressedWidth * CirculationLoop.stressedWidth).squareRoot()
        let fill = 0.5 * (r + q) / stressed1
        let dfill = 0.5 * (1 + r / q) / stressed1         // d fill / d r
        let h = exp(heartGain * s)
        let b = h * (1 + k) * (1 - rho) - fill + rho * k
        let d = (b * b + 4 * rho * fill * k).squareRoot()
        let p = 2 * fill * k / (b + d)
        let co = (fill - rho * p) / output1
        // Implicit derivatives of the root (∂Q/∂p = 2ρp + B = d).
        let dpdFill = (p + k) / d, dpdh = -(1 + k) * (1 - rho) * p / d
        let drds = fu * venoconstriction / (1 - fu), drdx = 1 / (1 - fu)
        let fillS = dfill * drds, fillX = dfill * drdx
        let coS = (fillS - rho * (dpdFill * fillS + dpdh * heartGain * h)) / output1
        let coX = (fillX - rho * dpdFill * fillX) / output1
        let e = exp(resistanceGain * s)
        var pt = Point()
        pt.output = co
        pt.pressure = co * e
        pt.heart = h
        pt.atrial = p
        pt.dpds = e * (resistanceGain * co + coS)
        pt.dpdx = e * coX
        return pt
    }

    /// The baroreflex drive s at central blood volume x: the root of F(s) = s − tanh(G·(1 − MAP(s, x)/MAP0)) in
    /// (−1, 1) (F increases with s: more drive raises the pressure, so the root is unique), by Newton's method kept in
    /// its bracket, bisecting whenever a step leaves it or fails to halve the residual; and ds/dx = −F_x/F_s.
    func solveDrive(x: Double) -> (Double, Double) {
        let g = reflexGain
        var lo = -1.0, hi = 1.0, s = 0.0, lastResidual = Double.infinity
        for _ in 0..<200 {
            let pt = equilibrium(x: x, s: s)
            let th = tanh(g * (1 - pt.pressure))
            let residual = s - th, slope = 1 + g * (1 - th * th) * pt.dpds
            if residual > 0 { hi = s } else { lo = s }
            if residual == 0 { break }
            var next = s - residual / slope
            if !(next > lo && next < hi) || Swift.abs(residual) > 0.5 * lastResidual { next = 0.5 * (lo + hi) }
            lastResidual = Swift.abs(residual)
            if Swift.abs(next - s) < 1e-14 || !next.isFinite { break }
            s = next
        }
        let pt = equilibrium(x: x, s: s)
        let th = tanh(g * (1 - pt.pressure))
        let fs = 1 + g * (1 - th * th) * pt.dpds
        let fx = g * (1 - th * th) * pt.dpdx
        return (s, -fx / fs)
    }
}

/// Per-patient circulation constants: normal blood volume, red-cell volume, the reference blood volume the reflex
/// measures losses against, the age's resting pulse and pressure and its limits (tachycardia, hypotension), and the loop.
struct CirculationConstants: Sendable {
    let redCellVolume: Double      // L (fixed: diarrhoea loses no red cells)
    let bloodVolume0: Double       // L
    /// Reference (estimated) blood volume, L: reference_blood_volume_*_mL_kg × weight. Volume deficits and the
    /// standing shift are fractions of it (the ATLS classes are mL for a 70 kg man and % of 70 mL/kg).
    let referenceBloodVolume: Double
    let haematocrit0: Double
    let heartRate0: Double         // bpm
    let meanPressure0: Double, pulsePressure0: Double  // mmHg
    let standingShift: Double      // L pooled in the legs on standing
    /// Heart rate above which the age is tachycardic, bpm (APLS upper limits).
    let tachycardiaBpm: Double
    /// Systolic pressure below which the age is hypotensive, mmHg (PALS / adult 90).
    let hypotensionSystolic: Double
    let loop: CirculationLoop
    let autoregulationLimit: Double, filtrationStop: Double
    let viscosityGain: Double
    /// GFR autoregulation factor at the resting pressure (divided out so it is exactly 1 at rest).
    let autoregulation0: Double
    /// The reflex drive s, its slope ds/dx and its curvature d²s/dx² at the central blood volumes
    /// x = 1 + (i − tableCentre)/512, for a quintic Hermite interpolant (C²: a C¹ cubic's jumps in the curvature at
    /// every node, ≈ 10 mL of plasma apart, cost the stiff integrator accuracy at tight tolerances): the loop is solved
    /// once per node here instead of in every call of the right-hand side.
    let driveTable: [Double], driveSlope: [Double], driveCurvature: [Double]

    /// Nodes of the drive table: x from 1 − 460/512 (0.10) to 1 + 307/512 (1.60), spacing 1/512 (exact in binary,
    /// so x = 1, the resting state, falls on a node and gives the solved value itself).
    static let tableCentre = 460, tableCount = 768, tableStep = 1.0 / 512

    init(patient: Patient, plasma0: Double, _ p: ModelParameters) {
        let m = patient.maturity
        haematocrit0 = p.haematocritInfant + (p.haematocritAdult - p.haematocritInfant) * m
        redCellVolume = plasma0 * haematocrit0 / (1 - haematocrit0)
        bloodVolume0 = plasma0 + redCellVolume
        referenceBloodVolume = (p.referenceBloodVolumeInfant + (p.referenceBloodVolumeAdult - p.referenceBloodVolumeInfant) * m)
            * patient.weightKg / 1000
        heartRate0 = p.heartRateInfant + (p.heartRateAdult - p.heartRateInfant) * m
        let sbp = p.systolicInfant + (p.systolicAdult - p.systolicInfant) * m
        let dbp = p.diastolicInfant + (p.diastolicAdult - p.diastolicInfant) * m
        pulsePressure0 = sbp - dbp
        meanPressure0 = dbp + pulsePressure0 / 3
        standingShift = p.standingShiftFraction * referenceBloodVolume
        tachycardiaBpm = CirculationConstants.tachycardiaLimit(ageYears: patient.ageYears)
        hypotensionSystolic = CirculationConstants.hypotensionLimit(ageYears: patient.ageYears)
        loop = CirculationLoop(unstressed: p.unstressedVolumeFraction, venoconstriction: p.venoconstrictionGain,
                               heartGain: p.heartRateReflexGain, resistanceGain: p.resistanceReflexGain,
                               reflexGain: p.baroreflexGain, starlingHalf: p.frankStarlingHalf,
                               atrialRatio: p.rightAtrialFillingRatio)
        autoregulationLimit = p.gfrAutoregulationLimit
        filtrationStop = p.gfrFiltrationStop
        viscosityGain = p.viscosityHaematocritGain
        autoregulation0 = CirculationConstants.autoregulationRaw(1, limit: p.gfrAutoregulationLimit, stop: p.gfrFiltrationStop)
        var table = [Double](repeating: 0, count: CirculationConstants.tableCount), slope = table
        for i in 0..<CirculationConstants.tableCount {
            let x = 1 + Double(i - CirculationConstants.tableCentre) * CirculationConstants.tableStep
            (table[i], slope[i]) = loop.solveDrive(x: x)
        }
        driveTable = table
        driveSlope = slope
        // Curvature by central differences of the exact slopes (one-sided at the ends): shared by the two intervals
        // that meet at a node, so the interpolant is C² whatever its small error.
        var curvature = table
        let n = CirculationConstants.tableCount, h = CirculationConstants.tableStep
        for i in 0..<n {
            let lo = max(i - 1, 0), hi = min(i + 1, n - 1)
            curvature[i] = (slope[hi] - slope[lo]) / (Double(hi - lo) * h)
        }
        driveCurvature = curvature
    }

    /// The drive at x: the quintic Hermite interpolant of the table inside it with one Newton correction, the solve outside.
    @inline(__always)
    func drive(x: Double) -> Double {
        let u = (x - 1) / CirculationConstants.tableStep + Double(CirculationConstants.tableCentre)
        if u >= 0 && u < Double(CirculationConstants.tableCount - 1) {
            let i = Int(u), t = u - Double(i), h = CirculationConstants.tableStep
            let t2 = t * t, t3 = t2 * t, t4 = t3 * t, t5 = t4 * t
            let h0 = 1 - 10 * t3 + 15 * t4 - 6 * t5, h1 = t - 6 * t3 + 8 * t4 - 3 * t5
            let h2 = 0.5 * (t2 - 3 * t3 + 3 * t4 - t5), h3 = 0.5 * (t3 - 2 * t4 + t5)
            let h4 = -4 * t3 + 7 * t4 - 3 * t5, h5 = 10 * t3 - 15 * t4 + 6 * t5
            let s0 = h0 * driveTable[i] + h1 * h * driveSlope[i] + h2 * h * h * driveCurvature[i]
                + h5 * driveTable[i + 1] + h4 * h * driveSlope[i + 1] + h3 * h * h * driveCurvature[i + 1]
            // One Newton correction of the interpolant (a fixed cost, no loop): the residual's error is squared, so the
            // drive is the root to ≈ 1e-12 and as smooth as the loop itself; the interpolant's piecewise polynomial
            // error (≈ 1e-7, its higher derivatives jumping at every node) otherwise cost the stiff integrator accuracy
            // at tight tolerances (the cross-check caught transients of 2e-5 in the gut volumes at rtol 1e-10).
            // At rest s0 = 0 and the residual is exactly 0, so the resting state stays exact.
            let pt = loop.equilibrium(x: x, s: s0)
            let g = loop.reflexGain
            let th = tanh(g * (1 - pt.pressure))
            return s0 - (s0 - th) / (1 + g * (1 - th * th) * pt.dpds)
        }
        return loop.solveDrive(x: x).0
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
    /// Central blood volume x = 1 − (BV_0 − BV + shift)/BV_ref. The reflex drive s (``drive(x:)``) sets heart rate
    /// HR0·e^{a_H s}, resistance R0·e^{a_R s} and the unstressed volume f_u(1 − a_V s); the stressed volume sets the
    /// filling pressure and venous return meets the Frank–Starling heart (``CirculationLoop/equilibrium(x:s:)``);
    /// MAP/MAP0 = CO·e^{a_R s}; cardiac output CO/η with the blood's relative viscosity η = e^{k(Hct − Hct0)} (it
    /// raises the resistance to venous return and the vascular resistance alike, so the flow falls and the pressure
    /// does not). Stroke volume CO/h; pulse pressure ∝ stroke volume.
    @inline(__always)
    func state(plasmaVolume vp: Double, shift: Double = 0) -> Haemodynamics {
        var h = Haemodynamics()
        let bv = max(vp, 0) + redCellVolume
        h.bloodVolume = bv
        h.haematocrit = redCellVolume / max(bv, 1e-9)
        let x = 1 - (bloodVolume0 - bv + shift) / referenceBloodVolume
        let s = drive(x: x)
        let pt = loop.equilibrium(x: x, s: s)
        h.sympathetic = s
        let sv = pt.output / pt.heart
        h.strokeRel = sv
        h.heartRate = heartRate0 * pt.heart
        let viscosity = exp(min(viscosityGain * (h.haematocrit - haematocrit0), 30))
        h.cardiacOutputRel = pt.output / viscosity
        h.meanPressure = meanPressure0 * pt.pressure
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

    /// Dizziness on standing: a postural pulse rise ≥ 30 bpm (for a resting pulse up to 70 bpm; in proportion above it,
    /// since the reflex raises the pulse by a fraction of its resting rate: 51 bpm at a 1-year-old's 120) or a systolic
    /// fall ≥ 20 mmHg.
    public static func dizzy(hrRise: Double, sbpDrop: Double, restingHeartRate: Double = 70) -> Bool {
        hrRise >= posturalPulseRiseBpm * max(1, restingHeartRate / 70) || sbpDrop >= posturalSystolicDropMmHg
    }
}
