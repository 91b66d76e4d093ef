// Issue 12: the mucosal route of an invasive infection (local inflammation → fever, ache, injury,
// abdominal pain), the acute phase (IL-6 → CRP) and the fever medicines (oral one-compartment PK →
// COX inhibition). Plain arithmetic on pointers, no allocation; the states are in InflammationState.

import Foundation

/// The fever medicines the model knows, by scenario name.
public enum FeverMedicine: String, CaseIterable, Sendable {
    case paracetamol, ibuprofen

    /// The gut state an oral dose is added to.
    var gutState: Int {
        switch self {
        case .paracetamol: return InflammationState.paracetamolGut
        case .ibuprofen: return InflammationState.ibuprofenGut
        }
    }
}

extension InflammationModel {
    /// Fraction 0…1 of prostaglandin (COX) synthesis blocked by both drugs at plasma paracetamol `cPara`
    /// and ibuprofen `cIbu` (mg/L): 1 − (1 − E_p)(1 − E_i), E = Emax · C / (C + EC50).
    /// Acts on the central (fever) and the muscle (ache) PGE2 alike.
    @inline(__always)
    func coxInhibition(paracetamolMgPerL cPara: Double, ibuprofenMgPerL cIbu: Double) -> Double {
        let p = parameters
        let a = max(cPara, 0), b = max(cIbu, 0)
        let ePara = p.paracetamolMaxInhibition * a / (a + p.paracetamolEC50MgPerL)
        let eIbu = p.ibuprofenMaxInhibition * b / (b + p.ibuprofenEC50MgPerL)
        return 1 - (1 - ePara) * (1 - eIbu)
    }

    /// Peripheral COX inhibition by ibuprofen alone (paracetamol acts centrally), fraction 0…1.
    @inline(__always)
    func peripheralCoxInhibition(ibuprofenMgPerL cIbu: Double) -> Double {
        let b = max(cIbu, 0)
        return parameters.ibuprofenMaxInhibition * b / (b + parameters.ibuprofenEC50MgPerL)
    }

    /// Adds an oral dose of `mgPerKg` of `medicine` to its gut compartment (a segment-boundary event).
    public func addOralDose(_ medicine: FeverMedicine, mgPerKg: Double, to y: UnsafeMutablePointer<Double>) {
        y[medicine.gutState] += max(mgPerKg, 0)
    }

    /// dy/dt of the issue-12 states (mucosa, injury, hepatic signal, CRP, the two drugs).
    /// `mucosalLoad` = mucosal inflammation per load × pathogen load; `invasion` 0…1 scales ulceration;
    /// `dIl6` = plasma IL-6 excess, pg/mL.
    @inline(__always)
    func mucosaDerivatives(y: UnsafePointer<Double>, dydt: UnsafeMutablePointer<Double>, mucosalLoad: Double,
                           invasion: Double, dIl6: Double) {
        let p = parameters
        typealias S = InflammationState
        let m = max(y[S.mucosa], 0), d = y[S.injury]
        dydt[S.mucosa] = ln2 / p.mucosalHalfLifeH * (max(mucosalLoad, 0) - y[S.mucosa])
        dydt[S.injury] = p.injuryRatePerH * min(max(invasion, 0), 1) * max(m - p.injuryThreshold, 0) * (1 - d)
            - ln2 / p.injuryHealHalfLifeH * d
        // The liver sees systemic IL-6 plus the portal IL-6 draining the inflamed mucosa.
        let hepaticIl6 = dIl6 + p.portalIl6PerMucosaPgPerML * m
        let hn = pow(hepaticIl6 / p.crpIl6HalfSatPgPerML, p.crpHill)
        dydt[S.hepaticSignal] = ln2 / p.hepaticSignalHalfLifeH * (hn / (hn + 1) - y[S.hepaticSignal])
        dydt[S.crp] = p.crpSynthesisMgPerLPerH * max(y[S.hepaticSignal], 0)
            - ln2 / p.crpHalfLifeH * (y[S.crp] - p.crpBaselineMgPerL)
        dydt[S.paracetamolGut] = -p.paracetamolAbsorptionPerH * y[S.paracetamolGut]
        dydt[S.paracetamolPlasma] = p.paracetamolBioavailability * p.paracetamolAbsorptionPerH * y[S.paracetamolGut]
            / p.paracetamolVolumeLPerKg - ln2 / p.paracetamolHalfLifeH * y[S.paracetamolPlasma]
        dydt[S.ibuprofenGut] = -p.ibuprofenAbsorptionPerH * y[S.ibuprofenGut]
        dydt[S.ibuprofenPlasma] = p.ibuprofenBioavailability * p.ibuprofenAbsorptionPerH * y[S.ibuprofenGut]
            / p.ibuprofenVolumeLPerKg - ln2 / p.ibuprofenHalfLifeH * y[S.ibuprofenPlasma]
    }

    // MARK: Observables

    /// Mucosal inflammation, dimensionless.
    public func mucosalInflammation(_ y: UnsafePointer<Double>) -> Double { y[InflammationState.mucosa] }
    /// Blood in the stool, 0–1: the injured (bleeding) fraction of the mucosa.
    public func stoolBlood(_ y: UnsafePointer<Double>) -> Double { min(max(y[InflammationState.injury], 0), 1) }
    /// Abdominal (visceral) pain score 0–10 from mucosal inflammation and injury, x²/(x² + 1) with
    /// x = (M + D) / half-score. Not eased by the fever medicines; independent of myalgia and cramps.
    public func abdominalPainScore(_ y: UnsafePointer<Double>) -> Double {
        let x = (max(y[InflammationState.mucosa], 0) + max(y[InflammationState.injury], 0)) / parameters.abdominalPainHalfScore
        return min(max(10 * x * x / (x * x + 1), 0), 10)
    }
    /// Plasma CRP, mg/L.
    public func crp(_ y: UnsafePointer<Double>) -> Double { y[InflammationState.crp] }
    /// Plasma paracetamol, mg/L.
    public func paracetamol(_ y: UnsafePointer<Double>) -> Double { y[InflammationState.paracetamolPlasma] }
    /// Plasma ibuprofen, mg/L.
    public func ibuprofen(_ y: UnsafePointer<Double>) -> Double { y[InflammationState.ibuprofenPlasma] }
}

/// The threshold of `stool_blood` above which blood is visible in the stool (summary and report).
/// Assumption: a fifth of the mucosa ulcerated.
public let visibleStoolBloodThreshold = 0.2
