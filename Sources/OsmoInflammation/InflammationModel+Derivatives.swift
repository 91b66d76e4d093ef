// Right-hand side of the inflammation submodel. Plain arithmetic on pointers: no allocation.

import Foundation

extension InflammationModel {
    /// dy/dt for this submodel's states (time in HOURS).
    ///
    /// - Parameters:
    ///   - pathogenLoad: illness driver ≥ 0 (1 = peak of a severity-1 illness course, 0 = healthy).
    ///   - inflammatoryPotency: how strongly the pathogen stimulates innate immunity ≥ 0
    ///     (see ``PathogenPotency``).
    ///   - mucosalInflammation: how strongly the pathogen inflames the mucosa per unit load ≥ 0 (0: none).
    ///   - mucosalInvasion: how deeply it invades (ulcerates) the inflamed mucosa, 0…1 (0: no injury).
    public func derivatives(
        t: Double, y: UnsafePointer<Double>, dydt: UnsafeMutablePointer<Double>,
        pathogenLoad: Double, inflammatoryPotency: Double, mucosalInflammation: Double = 0, mucosalInvasion: Double = 0
    ) {
        let p = parameters
        typealias S = InflammationState

        let lps = y[S.lps]
        let signal = y[S.signal]
        let activation = y[S.activation]
        let tolerance = y[S.tolerance]
        let resolution = y[S.resolution]
        let tnfFast = y[S.tnfFast], tnfSlow = y[S.tnfSlow]
        let il1b = y[S.il1b], il6 = y[S.il6], il10 = y[S.il10]
        let pge2 = y[S.pge2], temperature = y[S.temperature], pain = y[S.painMediator]

        // Stimulus → lagged receptor signal.
        let kLps = ln2 / p.lpsHalfLifeH
        let u = max(lps, 0) / p.lpsReferenceNgPerKg
            + p.pathogenStimulusGain * max(inflammatoryPotency, 0) * max(pathogenLoad, 0)
        let drive = u / (1 + u / p.stimulusSaturation)
        let kSignal = ln2 / p.signalHalfLifeH

        // Activation with tolerance; tolerance and resolution programmes.
        let toleranceFactor = 1 / (1 + max(tolerance, 0) / p.toleranceHalfEffect)
        let kAct = ln2 / p.activationHalfLifeH
        let a = max(activation, 0)

        // Cytokine excesses over baseline (drivers of downstream effects).
        let tnf = tnfFast + tnfSlow
        let dTnf = max(tnf - p.tnfBaselinePgPerML, 0)
        let dIl1b = max(il1b - p.il1bBaselinePgPerML, 0)
        let dIl6 = max(il6 - p.il6BaselinePgPerML, 0)
        let dIl10 = max(il10 - p.il10BaselinePgPerML, 0)

        // IL-10 inhibition of TNF/IL-1β and of IL-6 production.
        let inhTnf = 1 / (1 + pow(dIl10 / p.il10InhibitionTnfPgPerML, p.il10InhibitionHill))
        let inhIl6 = 1 / (1 + pow(dIl10 / p.il10InhibitionIl6PgPerML, p.il10InhibitionHill))

        // TNF: production split into a fast and a slow pool, each cleared first-order to its baseline.
        let pools = tnfBaselinePools()
        let kFast = ln2 / (p.tnfFastHalfLifeMin / 60)
        let kSlow = ln2 / (p.tnfSlowHalfLifeMin / 60)
        // Fever medicines (issue 12): COX inhibition of the PGE2 behind fever and ache; ibuprofen's
        // peripheral COX block releases monocyte TNF from PGE2's restraint.
        let mucosa = max(y[S.mucosa], 0)
        let cox = coxInhibition(paracetamolMgPerL: y[S.paracetamolPlasma], ibuprofenMgPerL: y[S.ibuprofenPlasma])
        let tnfRelease = 1 + p.ibuprofenTnfDisinhibition * peripheralCoxInhibition(ibuprofenMgPerL: y[S.ibuprofenPlasma])
        let tnfProduction = p.tnfProductionPgPerMLPerH * a * inhTnf * tnfRelease

        let il1bProduction = p.il1bProductionPgPerMLPerH * a * inhTnf
        let il6Production = p.il6ProductionPgPerMLPerH
            * (a + p.il6TnfWeight * dTnf / (dTnf + p.il6TnfHalfSatPgPerML)) * inhIl6
        let il10Production = p.il10ProductionPgPerMLPerH * a
            + p.il10TnfProductionPgPerMLPerH * dTnf / (dTnf + p.il10TnfHalfSatPgPerML)
            + p.il10ResolutionProductionPgPerMLPerH * max(resolution, 0)

        // Fever: cytokines → PGE2 (lag) → set point → core temperature (time constant).
        let pyrogenic = p.feverIl6Weight * dIl6 / (dIl6 + p.feverIl6HalfSatPgPerML)
            + p.feverIl1bWeight * dIl1b / (dIl1b + p.feverIl1bHalfSatPgPerML)
            + p.feverTnfWeight * dTnf / (dTnf + p.feverTnfHalfSatPgPerML)
            + p.mucosalFeverWeight * mucosa / (mucosa + p.mucosalFeverHalfSat)
        let setPoint = p.baselineTemperatureC + p.setPointMaxRiseC * pge2

        // Myalgia: cytokines → Hill → slow pain mediator.
        let algesic = p.myalgiaTnfWeight * dTnf / p.myalgiaTnfScalePgPerML
            + p.myalgiaIl1bWeight * dIl1b / p.myalgiaIl1bScalePgPerML
            + p.myalgiaIl6Weight * dIl6 / p.myalgiaIl6ScalePgPerML
            + p.myalgiaMucosalWeight * mucosa / p.myalgiaMucosalScale
        let algesicN = pow(algesic * (1 - cox), p.myalgiaHill)
        let painTarget = algesicN / (algesicN + 1)

        dydt[S.lps] = -kLps * lps
        dydt[S.signal] = kSignal * (drive - signal)
        dydt[S.activation] = p.activationRatePerH * max(signal, 0) * toleranceFactor - kAct * activation
        dydt[S.tolerance] = p.toleranceRatePerH * a - ln2 / p.toleranceHalfLifeH * tolerance
        dydt[S.resolution] = p.resolutionRatePerH * (a + p.resolutionMucosalWeight * max(y[S.mucosa], 0))
            - ln2 / p.resolutionHalfLifeH * resolution
        dydt[S.tnfFast] = p.tnfFastFraction * tnfProduction - kFast * (tnfFast - pools.fast)
        dydt[S.tnfSlow] = (1 - p.tnfFastFraction) * tnfProduction - kSlow * (tnfSlow - pools.slow)
        dydt[S.il1b] = il1bProduction - ln2 / (p.il1bHalfLifeMin / 60) * (il1b - p.il1bBaselinePgPerML)
        dydt[S.il6] = il6Production - ln2 / p.il6HalfLifeH * (il6 - p.il6BaselinePgPerML)
        dydt[S.il10] = il10Production - ln2 / p.il10HalfLifeH * (il10 - p.il10BaselinePgPerML)
        dydt[S.pge2] = ln2 / p.pge2HalfLifeH * (pyrogenic * (1 - cox) - pge2)
        dydt[S.temperature] = (setPoint - temperature) / p.temperatureTimeConstantH
        dydt[S.painMediator] = ln2 / p.myalgiaHalfLifeH * (painTarget - pain)
        mucosaDerivatives(y: y, dydt: dydt, mucosalLoad: max(mucosalInflammation, 0) * max(pathogenLoad, 0),
                          invasion: mucosalInvasion, dIl6: dIl6)
    }
}
