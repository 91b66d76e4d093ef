import Foundation
import OsmoInflammation

/// Stool (secretion) electrolyte composition, mmol/L (PHYSIOLOGY.md §3a).
public struct StoolComposition: Sendable, Equatable {
    public var sodium: Double
    public var potassium: Double
    public var chloride: Double
    public var bicarbonate: Double
    public var magnesium: Double

    /// Base equivalents per litre that make the fluid electroneutral, mmol/L: Na + K − Cl (never below 0).
    /// Watery stool carries its base as HCO3 and as the organic anions (short-chain fatty acids) that
    /// colonic fermentation makes from it; both are lost base (Mg moves with its own counter-ions).
    public var base: Double { max(0, sodium + potassium - chloride) }

    public init(sodium: Double, potassium: Double, chloride: Double, bicarbonate: Double, magnesium: Double = 1) {
        self.sodium = sodium
        self.potassium = potassium
        self.chloride = chloride
        self.bicarbonate = bicarbonate
        self.magnesium = magnesium
    }

    /// Cholera, adult: Harris et al., Lancet 2012, Table 1.
    public static let choleraAdult = StoolComposition(sodium: 130, potassium: 20, chloride: 100, bicarbonate: 45)
    /// Cholera, child: Harris 2012.
    public static let choleraChild = StoolComposition(sodium: 100, potassium: 30, chloride: 90, bicarbonate: 30)
    /// Non-cholera (ETEC) child: Harris 2012.
    public static let etec = StoolComposition(sodium: 50, potassium: 35, chloride: 25, bicarbonate: 20)
    /// Rotavirus, child: Lee, Kang, Kim, Infect Chemother 1989 (Na 35.8, K 19.2); Cl and HCO3 from the WHO 1992 teaching table.
    public static let rotavirus = StoolComposition(sodium: 36, potassium: 19, chloride: 22, bicarbonate: 6)
    /// Norovirus-like viral diarrhoea: no published table; taken as the non-cholera (ETEC) row of Harris 2012.
    public static let norovirusLike = StoolComposition(sodium: 50, potassium: 35, chloride: 25, bicarbonate: 20)
}

/// A pathogen preset: the illness course (timing) and what it does to the gut and the immune system.
public struct Pathogen: Sendable, Equatable {
    public var name: String
    /// Hours from the start of the run to the peak of the pathogen load (at severity 1).
    public var peakTimeH: Double
    /// Shape exponent `a` of the course `L(t) = (t/τ)^a · exp(a(1 − t/τ))` (larger = sharper).
    public var shape: Double
    /// Peak intestinal secretion at severity 1, mL/kg/h.
    public var peakSecretionMLPerKgH: Double
    /// Composition of the secreted fluid (= watery stool composition).
    public var stool: StoolComposition
    /// Fraction 0…1 by which the illness inhibits electroneutral NaCl absorption (NHE3) at peak load.
    public var nheInhibition: Double
    /// How strongly the pathogen load stimulates innate immunity (dimensionless; see the inflammation model).
    public var inflammatoryPotency: Double
    /// Fraction 0…1 of the mucosa's sugar carriers (SGLT1, GLUT5, GLUT2) lost to villus injury at peak load:
    /// why sugary drinks worsen viral diarrhoea (sugar malabsorption) while cholera leaves them intact.
    public var absorptionInjury: Double = 0
    /// Mucosal inflammation per unit load ≥ 0 (issue 12): the infected mucosa's local cytokines drive fever and
    /// ache by the vagal/local-PGE2 route, CRP by the portal IL-6, and abdominal pain — with little reaching the blood.
    public var mucosalInflammation: Double = 0
    /// Depth of epithelial invasion 0…1 (issue 12): how far the inflamed mucosa ulcerates (blood in the stool).
    /// 0 for the viruses and toxins, which infect or act on enterocytes without invading.
    public var mucosalInvasion: Double = 0
    /// Typical illness duration, h (for documentation and the warning flags).
    public var typicalDurationH: Double
    public var source: String

    /// Norovirus: sudden onset, 24–60 h, low-grade fever (PHYSIOLOGY.md §3c, §6b).
    public static let norovirus = Pathogen(
        name: "norovirus", peakTimeH: 14, shape: 2.5, peakSecretionMLPerKgH: 3.0, stool: .norovirusLike,
        nheInhibition: 0.5, inflammatoryPotency: 0.15, absorptionInjury: 0.3, mucosalInflammation: 0.25, typicalDurationH: 48,
        source: "CDC (PHYSIOLOGY.md §3c): illness 24–60 h, median 2 days; jejunal villus blunting with D-xylose malabsorption and low brush-border sucrase (Agus et al., Ann Intern Med 1973; Schreiber et al., NEJM 1973)")
    /// Rotavirus: 3–8 days, children (§3c).
    public static let rotavirus = Pathogen(
        name: "rotavirus", peakTimeH: 36, shape: 2.0, peakSecretionMLPerKgH: 5.9, stool: .rotavirus,
        nheInhibition: 0.5, inflammatoryPotency: 0.15, absorptionInjury: 0.5, mucosalInflammation: 0.2, typicalDurationH: 120,
        source: "CDC (PHYSIOLOGY.md §3c): 3–8 days; peak secretion calibrated to CHOICE 2001 (≈ 325 g/kg of stool over the illness with ORS); villus atrophy and disaccharidase loss (Davidson & Barnes, Acta Paediatr Scand 1979; unconfirmed magnitude)")
    /// Cholera: massive secretion, 1–5 days, little systemic inflammation (§3b, §3c).
    public static let cholera = Pathogen(
        name: "cholera", peakTimeH: 18, shape: 2.0, peakSecretionMLPerKgH: 14, stool: .choleraAdult,
        nheInhibition: 0.8, inflammatoryPotency: 0.2, typicalDurationH: 72,
        source: "Harris, Lancet 2012: maximal purging > 10 mL/kg/h; purging 1–5 days")
    /// Cholera in a child: paediatric stool composition.
    public static let choleraChild: Pathogen = {
        var p = Pathogen.cholera
        p.name = "cholera-child"
        p.stool = .choleraChild
        return p
    }()
    /// ETEC travellers' diarrhoea: ~3 days (§3c).
    public static let etec = Pathogen(
        name: "etec", peakTimeH: 20, shape: 2.0, peakSecretionMLPerKgH: 4.0, stool: .etec,
        nheInhibition: 0.6, inflammatoryPotency: 0.8, typicalDurationH: 72,
        source: "BMJ review (PHYSIOLOGY.md §3c): ~3 days untreated; stool: Harris 2012")

    public static let presets: [Pathogen] = [.norovirus, .rotavirus, .cholera, .choleraChild, .etec]
        + invasiveBacteria
    public static func named(_ name: String) -> Pathogen? { presets.first { $0.name == name } }

    /// Pathogen load at time `t` (h) for a course starting at `onsetH` with this severity:
    /// `severity · (s/τ)^a · exp(a(1 − s/τ))`, `s = t − onset` (OsmoInflammation's `illnessLoad`).
    public func load(atHours t: Double, onsetH: Double, severity: Double) -> Double {
        illnessLoad(t: t - onsetH, peakTimeH: peakTimeH, shape: shape, severity: severity)
    }
}

/// A prescribed stool-loss course, for teaching: stool leaves the extracellular fluid at a set
/// rate and composition, bypassing the gut model.
public struct PrescribedStool: Sendable, Equatable {
    /// Piecewise-constant rate: (start time h, rate mL/kg/h) pairs, sorted; the last one holds to the end.
    public var ratesMLPerKgH: [(startH: Double, rate: Double)]
    public var composition: StoolComposition

    public init(ratesMLPerKgH: [(startH: Double, rate: Double)], composition: StoolComposition) {
        self.ratesMLPerKgH = ratesMLPerKgH
        self.composition = composition
    }

    public static func == (a: PrescribedStool, b: PrescribedStool) -> Bool {
        a.composition == b.composition && a.ratesMLPerKgH.count == b.ratesMLPerKgH.count
            && zip(a.ratesMLPerKgH, b.ratesMLPerKgH).allSatisfy { $0.startH == $1.startH && $0.rate == $1.rate }
    }
}

/// What makes the patient ill.
public enum Illness: Sendable, Equatable {
    case none
    /// A pathogen course (secretion and inflammation from one driver), starting at `onsetH`.
    case pathogen(Pathogen, severity: Double, onsetH: Double)
    /// A prescribed stool course (no pathogen, no inflammation).
    case prescribedStool(PrescribedStool)
    /// An IV endotoxin (LPS) bolus of `ngPerKg` at `timeH` (the human endotoxin challenge).
    case endotoxin(ngPerKg: Double, timeH: Double)
}
