import Foundation

/// Every flow of the model at one instant (rates per hour: L/h, mmol/h). Computed by
/// ``FluidModel/fluxes(t:y:)`` for the right-hand side and for the observables alike,
/// so what is written to the CSV is exactly what is integrated. A plain struct on the stack.
struct Fluxes {
    // Concentrations and derived quantities
    var naPlasma = 0.0, kPlasma = 0.0, clPlasma = 0.0, hco3Plasma = 0.0, mgPlasma = 0.0, glucosePlasma = 0.0
    var tonicity = 0.0, posm = 0.0, cellTonicity = 0.0
    var load = 0.0, temperature = 37.0
    // Water, L/h
    var cellWater = 0.0          // ECF → ICF
    var starling = 0.0           // plasma → interstitium
    var gastricEmptying = Mix()  // stomach → lumen
    var oralIn = Mix()           // into the stomach (continuous, per-stool, ad lib)
    var adLibWater = 0.0
    var gutAbsorb = Mix()        // lumen → ECF (net; negative = into lumen); citrate as citrate
    var secretion = Mix()        // ECF → lumen
    var secretionUnmeasured = 0.0
    var transit = Mix()          // lumen → colon
    var transitUnmeasured = 0.0
    var colonAbsorb = Mix()      // colon → ECF
    var stool = Mix()            // out of the body (all of it)
    var basalStool = Mix()       // normal faecal losses, from plasma
    var prescribedStool = Mix()  // prescribed (teaching) stool, from the interstitium
    var urineWater = 0.0, urineNa = 0.0, urineK = 0.0, urineCl = 0.0, urineMg = 0.0, urineGlucose = 0.0
    var urineBicarbonate = 0.0, urineAmmonium = 0.0
    var urineOsm = 0.0, gfr = 0.0
    var renalBase = 0.0          // net renal base to the ECF: NH4+ excreted (new HCO3) − HCO3 excreted
    var ammoniumTarget = 0.0     // mmol/h above baseline the adapted kidney would excrete
    // Acid–base and K shifts
    var ph = 7.4, pco2 = 40.0
    var bufferFlux = 0.0         // H+ ECF → cell and bone buffers (HCO3 and Na+ into the ECF), mmol/h
    var insulinRel = 1.0, adrenaline = 0.0
    var lactate = 0.0, lactateProduction = 0.0, lactateClearance = 0.0  // mmol/L, mmol/h (lactic acid made; lactate burned)
    /// mmol/h of the net organic acids' H+ (lactic and keto acids made less burned) titrating HCO3 (the rest goes to the buffers).
    var organicAcidOnBicarbonate = 0.0
    // Fasting ketosis
    var ketone = 0.0, ketoneProduction = 0.0, ketoneOxidation = 0.0  // mmol/L, mmol/h
    var carbohydrateSupply = 0.0     // mmol glucose/h reaching the liver from food and drinks
    var glycogenRate = 0.0           // d(glycogen fraction)/dt, 1/h
    /// Transepithelial potential of the small intestine times the wetted fraction, dimensionless (F·Δφ/RT):
    /// set so that the gut's transport carries no net current.
    var gutPotential = 0.0
    var insensible = 0.0, metabolicWater = 0.0
    var dietWater = 0.0, dietNa = 0.0, dietK = 0.0, dietCl = 0.0, dietMg = 0.0
    var pumpK = 0.0, leakK = 0.0, cellSodiumIn = 0.0
    /// H+ moving into cells in exchange for K (each one leaves a bicarbonate behind), mmol/h.
    var cellProtonIn = 0.0
    var magnesiumExchange = 0.0  // pool → ECF
    var glucoseProduction = 0.0, glucoseUptake = 0.0
    var avpTarget = 0.0, aldosteroneTarget = 0.0, thirst = 0.0
    // Circulation (issue 12, Circulation.swift): supine pulse and pressure, perfusion
    var circulation = Haemodynamics()
    /// Oxygen delivery relative to rest: cardiac output × haematocrit (O2 content ∝ haemoglobin).
    var oxygenDeliveryRel = 1.0
}

extension FluidModel {
    /// Computes every flow at time `t` (h) and state `y`.
    @inline(__always)
    func fluxes(t: Double, y: UnsafeBufferPointer<Double>) -> Fluxes {
        // Parameters are read through `c.p` in place: binding them to a local would copy the whole
        // struct (90-odd values) on every call of the right-hand side.
        let c = constants, m = mechanisms
        var f = Fluxes()
        typealias S = StateIndex

        // Body compartments
        // Trial states inside the stepper's Newton iteration can be wild: keep every divisor and
        // every base of a fractional power positive so the right-hand side stays finite.
        let tiny = 1e-9
        let vp = max(y[S.plasmaVolume], tiny), vi = max(y[S.interstitialVolume], tiny), vc = max(y[S.cellVolume], tiny)
        let ve = vp + vi
        let na = y[S.ecfSodium] / ve, k = y[S.ecfPotassium] / ve
        // Plasma and interstitium (Gibbs–Donnan): the plasma's albumin and the interstitium's fixed anions stay
        // each in its own compartment, and the diffusible anions (Cl, HCO3, lactate, …) share out between the two
        // what is left of the cations' charge there. At rest both hold one composition; as the plasma contracts
        // less than the interstitium its albumin anion rises less than the ECF's mean unmeasured charge, and the
        // plasma keeps more Cl and HCO3 (ratio `donnan` ≥ 1 to the ECF's mean). Every concentration below is the plasma's.
        let fixedPlasma = c.albuminAnion0 * c.plasma0 / vp, fixedMean = c.albuminAnion0 * c.ecf0 / ve
        let donnan = max(na + k - fixedPlasma, 1) / max(na + k - fixedMean, 1)
        let cl = y[S.ecfChloride] / ve * donnan, hco3 = y[S.ecfBase] / ve * donnan
        let mg = y[S.ecfMagnesium] / ve, glu = y[S.ecfGlucose] / ve
        let naCell = y[S.cellSodium] / vc, kCell = y[S.cellPotassium] / vc
        let phi = c.p.osmoticCoefficient
        f.naPlasma = na; f.kPlasma = k; f.clPlasma = cl; f.hco3Plasma = hco3; f.mgPlasma = mg; f.glucosePlasma = glu
        f.tonicity = phi * 2 * (na + k) + glu
        f.posm = f.tonicity + c.p.plasmaUrea
        f.cellTonicity = phi * 2 * (naCell + kCell)
        let plasmaFraction = vp / c.plasma0, ecfFraction = ve / c.ecf0
        // Secretion and prescribed stool need extracellular fluid to draw on: they fade as the ECF
        // nears exhaustion (half-rate at 15 % of normal), so even lethal purging cannot empty it.
        let e2 = ecfFraction * ecfFraction
        let secretionSupply = e2 / (e2 + 0.0225) * 1.0225
        // Insensible loss and normal faecal water are drawn from plasma in the model: they fade likewise.
        let p2 = plasmaFraction * plasmaFraction
        let plasmaSupply = p2 / (p2 + 0.0225) * 1.0225

        // Illness and temperature
        f.load = mechanisms.illness ? illness.load(t) : 0
        f.temperature = temperature(at: t)

        // Acid–base: respiratory compensation sets pCO2 from HCO3 (Winter), pH by Henderson–Hasselbalch.
        f.pco2 = BodyConstants.pco2(hco3: hco3, c.p)
        f.ph = BodyConstants.ph(hco3: hco3, pco2: f.pco2)
        // ── Circulation (issue 12): blood volume → baroreflex → pulse, pressure, cardiac output (Circulation.swift)
        f.circulation = c.circulation.state(plasmaVolume: vp)
        f.oxygenDeliveryRel = f.circulation.cardiacOutputRel * f.circulation.haematocrit / c.circulation.haematocrit0
        // ── end circulation
        // Lactic acid: made at rest and burned at the same rate; poor perfusion makes more (oxygen delivery below
        // the critical level) and clears less (liver blood flow follows cardiac output). Each lactic acid made
        // spends a HCO3; each lactate burned returns one.
        f.lactate = y[S.ecfLactate] / ve * donnan
        // The extra production saturates at lactate_max_production_factor × rest (glycolysis is limited by glucose).
        let hypoxia = c.p.lactateHypoperfusionGain
            * (Smooth.positive(c.p.lactateHypoperfusionThreshold - f.oxygenDeliveryRel, width: 0.02) - c.lactatePositive0)
        let extraMax = c.p.lactateMaxProductionFactor - 1
        f.lactateProduction = c.lactateProduction0 * (1 + hypoxia / (1 + hypoxia / extraMax))
        f.lactateClearance = c.lactateClearance0 * max(y[S.ecfLactate], 0)
            * Smooth.minimum(f.circulation.cardiacOutputRel, 1, width: 0.02) / c.lactatePerfusion1
        f.ketone = y[S.ecfKetoacid] / ve * donnan
        // The K shift follows the mineral part of the acidaemia: organic acids (lactate, ketoacids) enter cells with
        // their H+ and move little K (PHYSIOLOGY-2 §3a).
        let mineralHCO3 = hco3 + (f.lactate - c.p.plasmaLactate) + (f.ketone - c.p.plasmaKetone)
        let mineralPH = BodyConstants.ph(hco3: mineralHCO3, pco2: BodyConstants.pco2(hco3: mineralHCO3, c.p))
        // Cell and bone buffers take up H+ (releasing Na+) as the ECF HCO3 falls, over buffer_time_h.
        // Giving H+ back (HCO3 above normal) the buffers take Na+ up again, as far as the ECF has Na to give.
        let bufferDrive = (c.bufferCapacity * (c.p.plasmaBicarbonate - hco3) - y[S.bufferProton]) / c.p.bufferTimeH
        let naAvailable = max(na, 0) / (max(na, 0) + 5) * (c.p.plasmaSodium + 5) / c.p.plasmaSodium
        let giveBack = Smooth.step(-bufferDrive, width: 0.01 * c.weightKg)
        f.bufferFlux = bufferDrive * (1 - giveBack * (1 - min(naAvailable, 1)))

        // Cells: osmotic water, Na/K pump and leaks. Insulin (from plasma glucose) and β2-adrenergic
        // stimulation speed the pump; acidaemia raises the K leak (K shifts, PHYSIOLOGY-2 §3).
        f.cellWater = c.cellWaterPermeability * (f.cellTonicity - f.tonicity)
        let gRel = max(glu, 0) / c.p.plasmaGlucose
        f.insulinRel = power(gRel, c.p.insulinGlucoseExponent)
        let insulinRise = Smooth.positive(f.insulinRel - 1, width: 0.05) - Smooth.positive(0, width: 0.05)
        let insulinEffect = c.p.insulinPumpGain * insulinRise / (insulinRise + c.p.insulinHalfEffect)
        let plasmaLoss = Smooth.positive(1 - plasmaFraction - c.p.adrenalineVolumeThreshold, width: 0.02)
            - c.adrenalinePositive0
        let adrenalineRise = c.p.adrenalineVolumeGain * plasmaLoss
        f.adrenaline = c.p.adrenalineBasal + adrenalineRise
        let beta2Effect = c.p.beta2PumpGain * adrenalineRise / (adrenalineRise + c.p.beta2HalfEffect)
        f.pumpK = c.pumpMax * BodyConstants.pumpSaturation(ecfK: k, kmK: c.p.pumpKmPotassium) * (1 + insulinEffect + beta2Effect)
        f.leakK = c.potassiumLeak * kCell * exp(min(c.p.acidosisLeakGain * (c.ph0 - mineralPH), 5))

        // Starling: plasma → interstitium, zero at the starting state
        let protPlasma = c.p.plasmaProtein * c.plasma0 / vp
        let protIsf = c.p.interstitialProtein * c.interstitial0 / vi
        let dP = (vp - c.plasma0) / c.vascularCompliance - (vi - c.interstitial0) / c.interstitialCompliance
        let dPi = (BodyConstants.oncotic(protPlasma) - c.oncoticPlasma0) - (BodyConstants.oncotic(protIsf) - c.oncoticInterstitial0)
        f.starling = c.kf * (dP - c.p.proteinReflection * dPi)

        // Mg pool
        let pool = y[S.magnesiumPool]
        f.magnesiumExchange = c.magnesiumExchange * (c.p.plasmaMagnesium * pool / c.magnesiumPool0 - mg)

        // Glucose metabolism: production falls, uptake rises with plasma glucose
        let g = glu / c.p.plasmaGlucose
        f.glucoseProduction = c.glucoseTurnover * 2 / (1 + g * g * g * g)
        f.glucoseUptake = c.glucoseTurnover * g

        // Maintenance intake (absorbed diet), insensible loss, metabolic water
        let intake = m.maintenanceIntake ? c.p.maintenanceIntakeFraction : 0
        f.dietWater = c.dietWater * intake
        f.dietNa = c.dietSodium * intake
        f.dietK = c.dietPotassium * intake
        f.dietCl = c.dietChloride * intake
        f.dietMg = c.dietMagnesium * intake
        let fever = max(0, f.temperature - 37)
        f.insensible = m.insensibleLoss ? c.insensible0 * (1 + c.p.insensibleFeverGain * fever) * plasmaSupply : 0
        f.metabolicWater = c.metabolicWater0 * (1 + 0.12 * fever)
        // K that leaves cells is replaced by Na (fraction cell_k_na_exchange) and H+ (the rest, which
        // leaves a HCO3 in the ECF), as in K depletion; K that enters takes the same ions out. Every
        // exchange is one charge for one charge.
        let kOut = f.leakK - f.pumpK
        // The Na share needs Na on the side it comes from (χ-like availability, 1 at normal levels); H+ makes up the rest.
        let outward = Smooth.step(kOut, width: 0.01 * c.weightKg)
        let naSource = outward * naAvailable
            + (1 - outward) * max(naCell, 0) / (max(naCell, 0) + 1) * (c.p.cellSodium + 1) / c.p.cellSodium
        let naShare = c.p.cellPotassiumSodiumExchange * min(naSource, 1)
        f.cellSodiumIn = naShare * kOut
        f.cellProtonIn = (1 - naShare) * kOut

        // Kidney
        let renal = m.renalRegulation
        let avp = renal ? y[S.vasopressin] : c.avp0
        let aldo = renal ? max(y[S.aldosterone], 1e-6) : 1
        // GFR: the neurohumoral (pre-renal) fall with plasma volume times renal autoregulation of the arterial
        // pressure (circulation, issue 12): flat above gfr_autoregulation_limit × the normal MAP, falling below.
        let gfrFactor = renal ? BodyConstants.logistic(plasmaFraction, half: c.p.gfrHalfVolume, width: c.p.gfrVolumeWidth) / c.gfrLogistic1
            * c.circulation.autoregulation(meanPressure: f.circulation.meanPressure) : 1
        f.gfr = c.gfr0 * gfrFactor
        let volumeNatriuresis = renal ? power(ecfFraction, c.p.natriuresisVolumeExponent) * power(aldo, -c.p.aldosteroneSodiumExponent) : 1
        // The urine needs anions for its cations: as the plasma Cl runs out, the kidney keeps Na, K and NH4+
        // (Cl-responsive retention, as after vomiting), so it never excretes Cl it does not have.
        let clAvailable = BodyConstants.chlorideAvailability(cl, normal: c.p.plasmaChloride)
        let naFiltered = f.gfr * na * c.fractionalNa0 * volumeNatriuresis * clAvailable
        // Filtered HCO3 above the renal threshold is excreted, with Na.
        f.urineBicarbonate = f.gfr * Smooth.positive(hco3 - c.p.bicarbonateThreshold, width: 0.5)
        f.urineNa = naFiltered + f.urineBicarbonate
        let kRel = max(k, 0) / c.p.plasmaPotassium
        f.urineK = (c.potassiumFloor + (c.urinePotassium0 - c.potassiumFloor) * power(kRel, c.p.potassiumExcretionExponent) * aldo)
            * gfrFactor * clAvailable
        // NH4+ (each one a new HCO3 for the ECF) rises over days with an HCO3 deficit; the urine is
        // electroneutral, so its Cl is what balances Na + K + NH4+ beyond the HCO3 (urine anion gap).
        let extra = renal ? y[S.ammoniumExtra] : 0
        f.urineAmmonium = max(c.ammonium0 * gfrFactor + extra, 0) * clAvailable
        f.ammoniumTarget = c.renalBaseGain * gfrFactor
            * (Smooth.positive(c.p.plasmaBicarbonate - hco3, width: 0.5) - Smooth.positive(0, width: 0.5))
        f.urineCl = naFiltered + f.urineK + f.urineAmmonium
        let mgRel = max(mg, 0) / c.p.plasmaMagnesium
        f.urineMg = f.gfr * 0.7 * mg * c.fractionalMg0 * power(mgRel, c.p.magnesiumExcretionExponent)
        // Renal glucose threshold with "splay" (a rounded corner 1 mmol/L wide).
        f.urineGlucose = f.gfr * Smooth.positive(glu - c.p.glucoseThreshold, width: 1) - f.gfr * c.glucoseSplay0
        let a2 = avp * avp
        f.urineOsm = c.p.urineOsmMin + (c.p.urineOsmMax - c.p.urineOsmMin) * a2 / (a2 + c.avpHalf * c.avpHalf)
        let osmExcretion = phi * 2 * (f.urineNa + f.urineK + f.urineAmmonium) + c.ureaExcretion0 * gfrFactor
            + f.urineGlucose + f.urineMg
        f.urineWater = min(osmExcretion / f.urineOsm, 0.25 * f.gfr)
        f.renalBase = f.urineAmmonium - f.urineBicarbonate
        // Hormone targets
        // Hypovolaemic AVP rises exponentially below the threshold, saturating at adh_max.
        let volumeAVP = exp(min(Smooth.positive(c.p.adhVolumeThreshold - plasmaFraction, width: 0.01) / c.p.adhVolumeScale, 30))
            - c.volumeAVP0
        f.avpTarget = Smooth.minimum(BodyConstants.avpOsmotic(posm: f.posm, c.p) + volumeAVP, c.p.adhMax, width: 1)
        // Aldosterone drive E = exp(−g (ECF/ECF0 − 1)) · (K/K0)^n, saturating at aldosterone_max: A* = Amax·E / (Amax − 1 + E).
        let drive = exp(min(-c.p.aldosteroneVolumeGain * (ecfFraction - 1), 30)) * power(kRel, c.p.aldosteronePotassiumExponent)
        f.aldosteroneTarget = c.p.aldosteroneMax * drive / (c.p.aldosteroneMax - 1 + drive)
        f.thirst = c.p.thirstGain * Smooth.positive(f.posm - c.p.thirstThreshold, width: 1)
            + c.p.thirstVolumeGain * Smooth.positive(1 - plasmaFraction, width: 0.01)

        // Stomach → lumen
        let stomach = Mix(block: y, at: S.stomach)
        f.gastricEmptying = stomach * c.gastricRate

        // Lumen transport
        let lumen = Mix(block: y, at: S.lumen)
        let unmeasured = y[S.lumenUnabsorbable]
        // Concentrations use a smooth, always-positive lumen volume; the wetted fraction of the
        // mucosa, V²/((V + Vc)(V + ε)) for V > 0, is zero with zero slope at an empty lumen (no corner).
        let vw = lumen.water
        let vlEff = Smooth.positive(vw, width: c.lumenEpsilon) + 0.5 * c.lumenEpsilon
        let contact = vw > 0 ? vw * vw / ((vw + c.contactVolume) * (vw + c.lumenEpsilon)) : 0
        let naL = lumen.sodium / vlEff, kL = lumen.potassium / vlEff, clL = lumen.chloride / vlEff
        let hco3L = lumen.bicarbonate / vlEff, gluL = lumen.glucose / vlEff, fruL = lumen.fructose / vlEff
        let osmL = (phi * (lumen.sodium + lumen.potassium + lumen.chloride + lumen.bicarbonate)
            + lumen.citrate + lumen.magnesium + lumen.glucose + lumen.fructose + unmeasured) / vlEff
        let w = c.weightKg
        // SGLT1: 2 Na : 1 glucose, saturable in both, water co-transported
        // The saturable carriers see concentrations floored at 0: a nearly empty lumen (tens of nL)
        // can be overshot slightly below zero by a long implicit step, and c/(Km + c) has a pole at
        // c = −Km that would turn that overshoot into a runaway.
        let naS = max(naL, 0), kS = max(kL, 0), clS = max(clL, 0), hco3S = max(hco3L, 0)
        let gluS = max(gluL, 0), fruS = max(fruL, 0)
        // Villus injury (viral enteritis) removes a share of the sugar carriers while the illness lasts.
        let carriers = 1 - illness.absorptionInjury * min(f.load, 1)
        let sglt = carriers * c.p.sglt1VmaxPerKg * w * gluS / (c.p.sglt1KmGlucose + gluS) * naS / (c.p.sglt1KmSodium + naS)
        // NHE3 electroneutral NaCl absorption, inhibited by secretory illness
        let nhe = c.p.nheVmaxPerKg * w * (1 - illness.nheInhibition * min(f.load, 1)) * naS / (c.p.nheKmSodium + naS)
            * clS / (c.p.nheKmSodium + clS)
        let citrateAbsorbed = c.p.citrateAbsorptionRate * lumen.citrate
        // Paracellular transport: diffusion κ·P_i·(c_L − c_P), solvent drag, and electrical drift z_i·P_i·c_up,i·X
        // with X the transepithelial potential set so that the gut's transport carries no net current: the
        // charge SGLT1 (2 Na+ per glucose) and citrate absorption (3− each) move is carried back by Na+ and K+
        // leaking into the lumen from the plasma and by Cl− and HCO3− following from the lumen into the blood.
        let pNa = contact * c.p.gutSodiumPermeabilityPerKg * w, pK = contact * c.p.gutPotassiumPermeabilityPerKg * w
        let pCl = contact * c.p.gutChloridePermeabilityPerKg * w, pB = contact * c.p.gutBicarbonatePermeabilityPerKg * w
        let dNa = naL - na, dK = kL - k, dCl = clL - cl, dB = hco3L - hco3
        let activeCurrent = c.p.sglt1SodiumPerGlucose * sglt - 3 * citrateAbsorbed
        // Solvent drag: osmotic water flow through the leaky junctions carries salt at (1 − σ) of the
        // concentration on the side it comes from (plasma for water drawn into the lumen, the lumen for water
        // absorbed); why osmotic diarrhoea is never salt-free. σ = gut_nacl_reflection.
        let osmoticWater = contact * c.p.gutWaterPermeabilityPerKg * w * (f.tonicity - osmL)
        let drag = 1 - c.p.gutSaltReflection
        let inflow = Smooth.positive(-osmoticWater, width: 1e-4), outflow = Smooth.positive(osmoticWater, width: 1e-4)
        let dragNa = drag * (outflow * naS - inflow * na), dragK = drag * (outflow * kS - inflow * k)
        let dragCl = drag * (outflow * clS - inflow * cl), dragB = drag * (outflow * hco3S - inflow * max(hco3, 0))
        let passiveCurrent = pNa * dNa + pK * dK - pCl * dCl - pB * dB + dragNa + dragK - dragCl - dragB
        // Electrical drift carries ions from the side they come from (upwind, as in Goldman–Hodgkin–Katz): a
        // positive current to cancel (SGLT1 taking Na+ in) makes the lumen negative, drawing Na+ and K+ back from
        // the plasma and Cl− and HCO3− in from the lumen; a negative one the reverse. The blend s is smooth in the
        // current, and X = −I/G balances it exactly whatever the permeabilities (G > 0 always).
        let current = activeCurrent + passiveCurrent
        let sBack = BodyConstants.logistic(current, half: 0, width: 0.02 * w)
        let pnW = c.p.gutSodiumPermeabilityPerKg * w, pkW = c.p.gutPotassiumPermeabilityPerKg * w
        let pcW = c.p.gutChloridePermeabilityPerKg * w, pbW = c.p.gutBicarbonatePermeabilityPerKg * w
        let eNa = pnW * (sBack * na + (1 - sBack) * naS), eK = pkW * (sBack * max(k, 0) + (1 - sBack) * kS)
        let eCl = pcW * (sBack * clS + (1 - sBack) * max(cl, 0)), eB = pbW * (sBack * hco3S + (1 - sBack) * max(hco3, 0))
        let x = -current / (eNa + eK + eCl + eB + 1e-30)
        f.gutPotential = x
        var a = Mix()
        a.sodium = c.p.sglt1SodiumPerGlucose * sglt + nhe + pNa * dNa + dragNa + eNa * x
        a.potassium = pK * dK + dragK + eK * x
        a.chloride = nhe + pCl * dCl + dragCl - eCl * x
        a.bicarbonate = pB * dB + dragB - eB * x
        a.citrate = citrateAbsorbed
        a.magnesium = c.p.magnesiumAbsorptionRate * lumen.magnesium
        a.glucose = sglt + c.p.glucosePassiveRate * lumen.glucose
        // Fructose: GLUT5 (low capacity) plus apical GLUT2 recruited by lumen glucose (why sucrose and
        // glucose–fructose drinks are absorbed and fructose alone is not; PHYSIOLOGY-2 §4b).
        let glut2 = c.p.glut2FructoseVmaxPerKg * w * gluS / (c.p.glut2GlucoseKm + gluS)
        a.fructose = carriers * (c.p.fructoseVmaxPerKg * w + glut2) * fruS / (c.p.fructoseKm + fruS)
        a.water = osmoticWater + contact * c.p.sglt1WaterPerGlucose / 1000 * sglt
        f.gutAbsorb = a

        // Fasting ketosis (MODEL.md §7b). The body's fasting glucose need (brain and other obligate tissues, +12 %/°C of
        // fever) is met by carbohydrate eaten and drunk; a shortfall (eating less, nothing by mouth) by gluconeogenesis
        // (gluconeogenesis_share) and from liver glycogen while it lasts; as the store empties, fat takes over and the liver
        // makes ketoacids (ketone_yield_per_glucose per glucose of the need left unmet). Carbohydrate from drinks and IV counts: the
        // glucose disposed of beyond the fasting balance (uptake − production, 0 at rest) and the fructose absorbed.
        // A surplus refills the store.
        f.carbohydrateSupply = c.usualCarbohydrate * intake + (f.glucoseUptake - f.glucoseProduction) + a.fructose
        let shortfall = c.glucoseNeed * (1 + 0.12 * fever) - f.carbohydrateSupply
        let glycogen = y[S.liverGlycogen]
        let fromGlycogen = BodyConstants.glycogenSupply(glycogen, c.p)
        // Smooth positive parts (C∞: the BDF steppers keep their order through a shortfall's sign change); the
        // draw they leave at the fed start (≈ 0.002 mmol/h) is taken off so the start is exact. 1 − σ is not
        // clamped at a full store (it is 0 there, and a trial state a little above full makes it slightly
        // negative): smooth, and the Jacobian's probes see its dependencies from either side.
        let wG = 0.01 * c.glucoseNeed
        let unmet = Smooth.positive(shortfall, width: wG)
        let uncovered = (1 - c.p.gluconeogenesisShare) * unmet
        f.glycogenRate = (Smooth.positive(-shortfall, width: wG) * (1 - glycogen) - uncovered * fromGlycogen
            + c.glycogenDraw0) / c.glycogenStore
        f.ketoneProduction = c.ketoneProduction0
            + c.p.ketoneYield * unmet * (1 - fromGlycogen)
        f.ketoneOxidation = BodyConstants.ketoneOxidation(conc: y[S.ecfKetoacid] / ve, ecf0: c.ecf0, c.p)
        // The net organic acid (lactic and keto acids made − burned) spends HCO3 while there is HCO3 to spend; the rest
        // of its H+ goes to the cell and bone buffers (which give back Na+), so no acid load drives the ECF's HCO3 below zero.
        let organicNet = (f.lactateProduction - f.lactateClearance) + (f.ketoneProduction - f.ketoneOxidation)
        f.organicAcidOnBicarbonate = organicNet * max(hco3, 0) / (max(hco3, 0) + 1)

        // Secretion (ECF → lumen), composition scaled by how much of each ion the ECF still has; the
        // base is what balances the cations (Na + K − Cl), and it falls with the plasma HCO3, Cl taking its place.
        let hco3Rel = max(hco3, 0) / c.p.plasmaBicarbonate
        if illness.active && f.load > 0 {
            // Secretion needs mucosal blood flow: splanchnic vasoconstriction in hypovolaemia slows it
            // (half-rate at secretion_perfusion_half of the normal plasma volume), and it resumes on rehydration.
            let h4 = power(c.p.secretionPerfusionHalf, 4)
            let perfusion = p2 * p2 / (p2 * p2 + h4) * (1 + h4)
            let jw = illness.secretionPeak * f.load * secretionSupply * perfusion
            f.secretion = BodyConstants.electroneutralLoss(
                water: jw, illness.stool, naRel: na / c.p.plasmaSodium, kRel: kRel, hco3Rel: hco3Rel, mgRel: mgRel, clAvailable: clAvailable)
            f.secretionUnmeasured = jw * illness.unmeasuredOsmoles
        }

        // Transit to the colon; the colon absorbs water and electrolytes up to its capacity,
        // but cannot concentrate the non-absorbable osmoles above plasma tonicity.
        let kt = c.p.smallBowelTransitRate * (1 + c.p.illnessMotilityGain * f.load)
        f.transit = lumen * kt
        f.transitUnmeasured = unmeasured * kt
        // Fraction r of the inflow absorbed: at most colon_max_fraction, at most capacity/inflow, and
        // no more than leaves the unabsorbable osmoles at plasma tonicity (smooth minima).
        let q = f.transit.water
        let nonAbsorbableConc = (lumen.glucose + lumen.fructose + lumen.magnesium + lumen.citrate + unmeasured) / vlEff
        let capacityFraction = c.colonCapacity / (Swift.abs(q) + c.colonCapacity * 1e-3)
        var r = Smooth.minimum(c.p.colonMaxFraction, capacityFraction, width: 0.01)
        r = Smooth.minimum(r, 1 - nonAbsorbableConc / f.tonicity, width: 0.01)
        r = Smooth.positive(r, width: 0.01)
        // The colon absorbs salt, not charge: cations at the fraction r (or less, if the inflow lacks the
        // anions to go with them). Its salt is NaCl: NHE3's H+ and DRA's HCO3− (Cl−/HCO3− exchange) meet in the
        // lumen, so Cl goes first, down to the limiting stool Cl (`colon_cl_limit_mmol_L`), and the lumen keeps
        // its base; only the charge the Cl above that limit cannot carry takes HCO3 with it (NaHCO3).
        let tr = f.transit
        let trCl = max(tr.chloride, 0), trBase = max(tr.bicarbonate, 0)
        let cations = max(tr.sodium, 0) + max(tr.potassium, 0)
        let clRoom = Smooth.ramp(trCl - c.p.colonChlorideLimit * max(q * (1 - r), 0), width: 0.01 * w)
        let rc = Smooth.minimum(r, (clRoom + trBase) / max(cations, 1e-12), width: 0.01)
        let charge = rc * cations
        var col = Mix()
        col.water = q * r
        col.sodium = rc * max(tr.sodium, 0)
        col.potassium = rc * max(tr.potassium, 0)
        col.chloride = Smooth.minimum(charge, clRoom, width: 0.01 * charge + 1e-12)
        col.bicarbonate = charge - col.chloride
        // Colonic Na absorption against a limiting gradient (ENaC, aldosterone-driven): the Na the stool-bound
        // fluid holds above colon_na_limit_mmol_L is absorbed, saturably, up to the colon's capacity, and
        // paid for by K secreted from the plasma (fraction colon_k_secretion_fraction) and Cl absorbed with
        // it; toxin-driven illness inhibits it as it does NHE3. This is what sets stool composition: at low
        // flows Na falls and K rises, at cholera's flows the colon is overwhelmed.
        let stoolWater = max(q - col.water, 0)
        let naLeft = max(tr.sodium, 0) - col.sodium, clLeft = clRoom - col.chloride
        let excess = Smooth.ramp(naLeft - c.p.colonSodiumLimit * stoolWater, width: 0.01 * w)
        let capacity = c.p.colonSodiumCapacityPerKg * w * aldo.squareRoot() * (1 - illness.nheInhibition * min(f.load, 1))
        let colonDrive = capacity * excess / (capacity + excess + 1e-12)
        let kSecreted = c.p.colonPotassiumSecretionFraction * colonDrive * min(kRel, 1)
        let clWith = Smooth.softMinimum((1 - c.p.colonPotassiumSecretionFraction) * colonDrive, 0.9 * max(clLeft, 0))
        col.sodium += kSecreted + clWith
        col.potassium -= kSecreted
        col.chloride += clWith
        f.colonAbsorb = col

        // Prescribed stool (teaching): straight from the ECF, electroneutral like the secretion
        var presc = Mix()
        if m.illness && inputs.prescribedStoolRate > 0 {
            presc = BodyConstants.electroneutralLoss(
                water: inputs.prescribedStoolRate * secretionSupply, inputs.prescribedStool,
                naRel: na / c.p.plasmaSodium, kRel: kRel, hco3Rel: hco3Rel, mgRel: mgRel, clAvailable: clAvailable)
        }
        // Normal faecal Na and K leave with organic anions (lost base), as in formed stool.
        var basal = Mix()
        basal.water = c.basalStoolWater * plasmaSupply
        basal.sodium = c.basalStoolSodium * na / c.p.plasmaSodium * clAvailable
        basal.potassium = c.basalStoolPotassium * kRel * clAvailable
        basal.bicarbonate = BodyConstants.electroneutralBase(
            (basal.sodium + basal.potassium) * (1 - c.p.basalStoolChlorideFraction) * hco3Rel, cations: basal.sodium + basal.potassium)
        basal.chloride = basal.sodium + basal.potassium - basal.bicarbonate
        let stool = f.transit + col * -1 + presc + basal
        f.stool = stool
        f.basalStool = basal
        f.prescribedStool = presc

        // Oral intake into the stomach: continuous drinks, per-stool replacement, ad lib by thirst
        // Drinking that follows the body (per loose stool, ad lib by thirst) cannot exceed what a person
        // can drink: its total rate saturates smoothly at max_drink_rate (else sugary drinks that worsen
        // the diarrhoea they replace would feed back without limit).
        let looseStool = max(0, stool.water - basal.water)
        var demand = inputs.perStool.water * looseStool
        // A conscious, thirsty person drinks: thirst-driven drinking goes to the arm's ad-lib drink if it
        // has one, else to water as part of the usual intake (thirst_water_intake; 0 turns it off).
        var adLibRate = 0.0, thirstWater = 0.0
        if m.thirst {
            let thirstDrink = c.p.thirstDrinkRatePerKg * w * max(0, f.thirst - c.thirst0)
            // Drinking water for thirst stops as the plasma turns dilute (osmotic satiety): the volume part
            // of thirst alone does not make a hyponatraemic person go on drinking water.
            let satiety = BodyConstants.logistic(f.posm, half: c.p.thirstThreshold - 5, width: 2)
            // As part of the usual intake, it is scaled like the rest of it: a patient who manages a third of
            // the usual eating and drinking (nausea, malaise) drinks a third of what thirst asks for.
            // A thirst below the noticing threshold (thirst_drinking_threshold VAS units above the usual) is not acted on.
            let waterDrink = c.p.thirstDrinkRatePerKg * w * Smooth.ramp(f.thirst - c.thirst0 - c.p.thirstDrinkingThreshold, width: 1)
            if inputs.adLib != nil { adLibRate = thirstDrink } else { thirstWater = waterDrink * c.p.thirstWaterIntake * satiety * intake }
            demand += adLibRate + thirstWater
        }
        var oral = inputs.oral
        if demand > 0 {
            let cap = c.p.maxDrinkRatePerKg * w / 1000
            // rate = demand / (1 + (demand/cap)^8)^(1/8): ≈ demand well below the cap, → cap above it.
            let q = demand / cap
            let q2 = q * q, q4 = q2 * q2
            let scale = 1 / pow(1 + q4 * q4, 0.125)
            oral = oral + inputs.perStool * (looseStool * scale)
            if let drink = inputs.adLib { oral = oral + drink * (adLibRate * scale) }
            oral.water += thirstWater * scale
            f.adLibWater = (adLibRate + thirstWater) * scale
        }
        f.oralIn = oral
        return f
    }
}
