/// A drink or an IV fluid, by composition. Every difference between drinks in osmo comes
/// from these numbers passing through the same transport physiology: there are no
/// per-drink factors anywhere in the model.
public struct Fluid: Sendable, Equatable, Hashable {
    public enum Route: String, Sendable, Codable { case oral, iv }

    public var name: String
    public var route: Route
    /// mmol/L
    public var sodium: Double
    public var potassium: Double
    public var chloride: Double
    /// Bicarbonate or lactate (base that is not citrate), mmol/L.
    public var bicarbonate: Double
    /// Citrate, mmol/L (each mmol becomes 3 mmol of bicarbonate once absorbed and metabolised).
    public var citrate: Double
    public var magnesium: Double
    /// Glucose (dextrose, and the glucose half of sucrose), mmol/L.
    public var glucose: Double
    /// Fructose (and the fructose half of sucrose), mmol/L: poorly absorbed (GLUT5).
    public var fructose: Double
    /// Where the numbers come from.
    public var source: String
    /// One line on what the fluid is.
    public var note: String

    public init(
        name: String, route: Route = .oral, sodium: Double = 0, potassium: Double = 0, chloride: Double = 0,
        bicarbonate: Double = 0, citrate: Double = 0, magnesium: Double = 0, glucose: Double = 0,
        fructose: Double = 0, source: String = "", note: String = ""
    ) {
        self.name = name
        self.route = route
        self.sodium = sodium
        self.potassium = potassium
        self.chloride = chloride
        self.bicarbonate = bicarbonate
        self.citrate = citrate
        self.magnesium = magnesium
        self.glucose = glucose
        self.fructose = fructose
        self.source = source
        self.note = note
    }

    /// Osmolarity, mOsm/L: the sum of the dissolved particles (ideal solution).
    public var osmolarity: Double {
        sodium + potassium + chloride + bicarbonate + citrate + magnesium + glucose + fructose
    }

    /// The anions a label does not list, mmol/L: Na + K − Cl − HCO3 − 3 × citrate (a solution is
    /// electroneutral; Mg and Ca move with their own counter-ions). Positive: organic anions (malate,
    /// lactate, phosphate…) that are absorbed and metabolised to HCO3 like citrate; negative: acid (H+).
    public var unlistedAnion: Double { sodium + potassium - chloride - bicarbonate - 3 * citrate }

    /// Every component, for validation: (field name, value in mmol/L).
    public var components: [(String, Double)] {
        [("sodium", sodium), ("potassium", potassium), ("chloride", chloride), ("bicarbonate", bicarbonate),
         ("citrate", citrate), ("magnesium", magnesium), ("glucose", glucose), ("fructose", fructose)]
    }
}
