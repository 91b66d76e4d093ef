import OsmoInflammation

/// The illness, resolved to numbers the right-hand side uses: one pathogen-load course that
/// drives both intestinal secretion and the inflammatory stimulus.
struct IllnessDriver: Sendable {
    var active = false
    var peakTimeH = 1.0
    var shape = 1.0
    var onsetH = 0.0
    var severity = 0.0
    /// Secretion at load 1, L/h.
    var secretionPeak = 0.0
    var stool = StoolComposition(sodium: 0, potassium: 0, chloride: 0, bicarbonate: 0, magnesium: 0)
    /// Unmeasured (organic) osmoles per litre of secretion: makes it isotonic, mOsm/L.
    var unmeasuredOsmoles = 0.0
    var nheInhibition = 0.0
    var absorptionInjury = 0.0
    var inflammatoryPotency = 0.0
    /// Mucosal inflammation per unit load and depth of invasion 0…1 (issue 12).
    var mucosalInflammation = 0.0
    var mucosalInvasion = 0.0

    init() {}

    init(pathogen: Pathogen, severity: Double, onsetH: Double, weightKg: Double, tonicity: Double, phi: Double) {
        active = true
        peakTimeH = pathogen.peakTimeH
        shape = pathogen.shape
        self.onsetH = onsetH
        self.severity = severity
        secretionPeak = pathogen.peakSecretionMLPerKgH * weightKg / 1000
        stool = pathogen.stool
        let s = pathogen.stool
        // The secretion is electroneutral: its base (HCO3 and the organic anions made from it) is Na + K − Cl.
        let measured = phi * (s.sodium + s.potassium + min(s.chloride, s.sodium + s.potassium) + s.base) + s.magnesium
        unmeasuredOsmoles = max(0, tonicity - measured)
        nheInhibition = pathogen.nheInhibition
        absorptionInjury = pathogen.absorptionInjury
        inflammatoryPotency = pathogen.inflammatoryPotency
        mucosalInflammation = pathogen.mucosalInflammation
        mucosalInvasion = pathogen.mucosalInvasion
    }

    /// Pathogen load (dimensionless, = severity at the peak).
    @inline(__always)
    func load(_ t: Double) -> Double {
        guard active else { return 0 }
        return illnessLoad(t: t - onsetH, peakTimeH: peakTimeH, shape: shape, severity: severity)
    }
}

