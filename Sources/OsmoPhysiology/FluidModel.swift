import OsmoODE
import OsmoInflammation

/// The whole-body model as an ``ODESystem``: fluid compartments, electrolytes, gut, kidney, with
/// cumulative ledgers as states. Core temperature comes from the inflammation submodel, solved
/// first (one-way coupling, ``InflammationTrack``). MODEL.md documents every state, flow and
/// parameter. Time is in hours.
public struct FluidModel: ODESystem, Sendable {
    /// What stays fixed for a whole run, behind one reference: GSL's callback reaches the model
    /// through a pointer, and Swift copies the model for each call of the right-hand side; this
    /// keeps that copy to one reference and the inputs (it was ≈ 800 bytes and three retains).
    final class Fixed: Sendable {
        let constants: BodyConstants
        let illness: IllnessDriver
        let mechanisms: Mechanisms
        let inflammation: InflammationTrack
        init(constants: BodyConstants, illness: IllnessDriver, mechanisms: Mechanisms, inflammation: InflammationTrack) {
            self.constants = constants
            self.illness = illness
            self.mechanisms = mechanisms
            self.inflammation = inflammation
        }
    }
    let fixed: Fixed
    var constants: BodyConstants { fixed.constants }
    var illness: IllnessDriver { fixed.illness }
    public var mechanisms: Mechanisms { fixed.mechanisms }
    /// The solved inflammation course (cytokines, fever, myalgia) this run reads its temperature from.
    public var inflammation: InflammationTrack { fixed.inflammation }
    /// Inputs of the current segment (IV rates, continuous drinks, prescribed stool).
    public var inputs = Inputs()

    public var dimension: Int { StateIndex.count }

    /// - Parameters:
    ///   - durationH: how far ahead to solve the inflammation course (the run's length).
    public init(patient: Patient, parameters: ModelParameters, illness: Illness, mechanisms: Mechanisms,
                inflammation: InflammationModel = InflammationModel(), durationH: Double = 0,
                solver: SolverOptions = SimulationProblem.defaultSolver, medicines: [MedicineCourse] = []) {
        let c = BodyConstants(patient: patient, parameters: parameters)
        var driver = IllnessDriver()
        if case .pathogen(let pathogen, let severity, let onset) = illness, mechanisms.illness {
            driver = IllnessDriver(
                pathogen: pathogen, severity: severity, onsetH: onset, weightKg: patient.weightKg,
                tonicity: c.tonicity0, phi: parameters.osmoticCoefficient)
        }
        var boluses: [(time: Double, ngPerKg: Double)] = []
        if case .endotoxin(let dose, let t) = illness, mechanisms.illness { boluses.append((t, dose)) }
        // Fever-medicine doses (issue 12): mg → mg/kg, events of the inflammation course.
        let doses = medicines.flatMap { m in m.timesH.map { (time: $0, medicine: m.medicine, mgPerKg: m.doseMg / patient.weightKg) } }
        let track = InflammationTrack(
            model: inflammation, illness: driver, boluses: boluses, doses: doses, endH: durationH, active: mechanisms.inflammation,
            relativeTolerance: solver.relativeTolerance, absoluteTolerance: solver.absoluteTolerance)
        fixed = Fixed(constants: c, illness: driver, mechanisms: mechanisms, inflammation: track)
    }

    /// The healthy starting state: every compartment at its normal volume and composition,
    /// empty gut, hormones at baseline, ledgers at zero.
    public func initialState() -> [Double] {
        let c = constants, p = constants.p
        typealias S = StateIndex
        var y = [Double](repeating: 0, count: dimension)
        y[S.plasmaVolume] = c.plasma0
        y[S.interstitialVolume] = c.interstitial0
        y[S.cellVolume] = c.cell0
        y[S.ecfSodium] = p.plasmaSodium * c.ecf0
        y[S.ecfPotassium] = p.plasmaPotassium * c.ecf0
        y[S.ecfChloride] = p.plasmaChloride * c.ecf0
        y[S.ecfBase] = p.plasmaBicarbonate * c.ecf0
        y[S.ecfLactate] = p.plasmaLactate * c.ecf0
        y[S.ecfKetoacid] = p.plasmaKetone * c.ecf0
        y[S.liverGlycogen] = 1
        y[S.ecfMagnesium] = p.plasmaMagnesium * c.ecf0
        y[S.ecfGlucose] = p.plasmaGlucose * c.ecf0
        y[S.cellSodium] = p.cellSodium * c.cell0
        y[S.cellPotassium] = c.cellK0 * c.cell0
        y[S.magnesiumPool] = c.magnesiumPool0
        y[S.vasopressin] = c.avp0
        y[S.aldosterone] = 1
        return y
    }

    /// Core temperature at time `t`, °C.
    @inline(__always)
    func temperature(at t: Double) -> Double {
        mechanisms.inflammation ? inflammation.temperature(at: t) : 37
    }

    @inline(__always)
    public func derivatives(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
        typealias S = StateIndex
        let f = fluxes(t: t, y: y)
        let c = constants
        for i in 0..<S.count { dydt[i] = 0 }

        let iv = inputs.iv
        // Steady baseline flows (diet, metabolic water, urine, normal stool, insensible) all meet the
        // plasma, so the healthy starting state is an exact steady state; illness flows meet the interstitium.
        dydt[S.plasmaVolume] = f.gutAbsorb.water + f.colonAbsorb.water + iv.water + f.dietWater + f.metabolicWater
            - f.urineWater - f.starling - f.basalStool.water - f.insensible
        dydt[S.interstitialVolume] = f.starling - f.cellWater - f.secretion.water - f.prescribedStool.water
        dydt[S.cellVolume] = f.cellWater
        let out = f.secretion + f.prescribedStool + f.basalStool
        let organicNet = (f.lactateProduction - f.lactateClearance) + (f.ketoneProduction - f.ketoneOxidation)
        dydt[S.ecfSodium] = f.gutAbsorb.sodium + f.colonAbsorb.sodium + iv.sodium + f.dietNa - f.urineNa - out.sodium
            - f.cellSodiumIn + f.bufferFlux + (organicNet - f.organicAcidOnBicarbonate)
        dydt[S.ecfPotassium] = f.gutAbsorb.potassium + f.colonAbsorb.potassium + iv.potassium + f.dietK - f.urineK
            - out.potassium - f.pumpK + f.leakK
        dydt[S.ecfChloride] = f.gutAbsorb.chloride + f.colonAbsorb.chloride + iv.chloride + f.dietCl - f.urineCl - out.chloride
        // Electroneutral by construction: every flux below carries as much anion charge as cation
        // charge (Mg moves with its own counter-ions), so Na + K − Cl − HCO3 of the ECF is conserved.
        dydt[S.ecfBase] = f.gutAbsorb.bicarbonate + 3 * f.gutAbsorb.citrate + f.colonAbsorb.bicarbonate + iv.baseEquivalents
            + f.renalBase - out.bicarbonate + f.cellProtonIn + f.bufferFlux - f.organicAcidOnBicarbonate
        dydt[S.ecfLactate] = f.lactateProduction - f.lactateClearance
        dydt[S.ecfKetoacid] = f.ketoneProduction - f.ketoneOxidation
        dydt[S.liverGlycogen] = f.glycogenRate
        dydt[S.bufferProton] = f.bufferFlux + (organicNet - f.organicAcidOnBicarbonate)
        dydt[S.ecfMagnesium] = f.gutAbsorb.magnesium + iv.magnesium + f.dietMg + f.magnesiumExchange - f.urineMg - out.magnesium
        dydt[S.ecfGlucose] = f.gutAbsorb.glucose + iv.glucose + f.glucoseProduction - f.glucoseUptake - f.urineGlucose
        dydt[S.cellSodium] = f.cellSodiumIn
        dydt[S.cellPotassium] = f.pumpK - f.leakK
        dydt[S.magnesiumPool] = -f.magnesiumExchange

        f.oralIn.add(to: dydt, at: S.stomach)
        (f.gastricEmptying * -1).add(to: dydt, at: S.stomach)
        f.gastricEmptying.add(to: dydt, at: S.lumen)
        (f.gutAbsorb * -1).add(to: dydt, at: S.lumen)
        f.secretion.add(to: dydt, at: S.lumen)
        (f.transit * -1).add(to: dydt, at: S.lumen)
        dydt[S.lumenUnabsorbable] = f.secretionUnmeasured - f.transitUnmeasured

        if mechanisms.renalRegulation {
            dydt[S.vasopressin] = (f.avpTarget - y[S.vasopressin]) / c.p.adhTimeConstantH
            dydt[S.aldosterone] = (f.aldosteroneTarget - y[S.aldosterone]) / c.p.aldosteroneTimeConstantH
            dydt[S.ammoniumExtra] = (f.ammoniumTarget - y[S.ammoniumExtra]) / c.p.ammoniumAdaptationTimeH
        }

        dydt[S.cumOral] = f.oralIn.water + f.dietWater
        dydt[S.cumIV] = iv.water
        dydt[S.cumStool] = f.stool.water
        dydt[S.cumUrine] = f.urineWater
        dydt[S.cumInsensible] = f.insensible
        dydt[S.cumMetabolicWater] = f.metabolicWater
        dydt[S.cumSodiumIn] = f.oralIn.sodium + f.dietNa + iv.sodium
        dydt[S.cumSodiumOut] = f.stool.sodium + f.urineNa
        dydt[S.cumPotassiumIn] = f.oralIn.potassium + f.dietK + iv.potassium
        dydt[S.cumPotassiumOut] = f.stool.potassium + f.urineK
        dydt[S.cumChlorideIn] = f.oralIn.chloride + f.dietCl + iv.chloride
        dydt[S.cumChlorideOut] = f.stool.chloride + f.urineCl
        dydt[S.cumBaseIn] = f.oralIn.baseEquivalents + iv.baseEquivalents + f.urineAmmonium
        dydt[S.cumBaseOut] = f.stool.baseEquivalents + f.urineBicarbonate
    }
}
