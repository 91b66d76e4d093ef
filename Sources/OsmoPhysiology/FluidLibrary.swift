/// The built-in fluids (`osmo fluids`), each with its composition and source
/// (PHYSIOLOGY.md §4a unless stated).
public enum FluidLibrary {
    public static let all: [Fluid] = [
        Fluid(name: "water", source: "—", note: "plain water"),
        Fluid(name: "who-ors", sodium: 75, potassium: 20, chloride: 65, citrate: 10, glucose: 75,
              source: "WHO/UNICEF reduced-osmolarity ORS 2002 (CHOICE 2001; Harris, Lancet 2012)",
              note: "reduced-osmolarity oral rehydration solution, 245 mOsm/L"),
        Fluid(name: "who-ors-1975", sodium: 90, potassium: 20, chloride: 80, citrate: 10, glucose: 111,
              source: "WHO standard ORS 1975–2002 (MSD Manual 2023)",
              note: "original WHO ORS, 311 mOsm/L"),
        Fluid(name: "pedialyte", sodium: 45, potassium: 20, chloride: 35, citrate: 10, glucose: 139,
              source: "Pedialyte Classic label (Abbott): Na 45, K 20, Cl 35 mEq/L, citrate 30 mEq/L, dextrose 25 g/L",
              note: "commercial paediatric electrolyte solution, ~250 mOsm/L"),
        // 60 g/L carbohydrate, half sucrose (30 g = 87.6 mmol → 87.6 glucose + 87.6 fructose once
        // hydrolysed at the brush border) and half dextrose (30 g = 166.5 mmol glucose).
        Fluid(name: "sports-drink", sodium: 20, potassium: 3.3, chloride: 12, citrate: 3, glucose: 254, fructose: 88,
              source: "Gatorade Thirst Quencher label via secondary pages: Na ≈ 20, K ≈ 3.2–3.6 mmol/L, 6 % sucrose + dextrose; Cl and citrate estimated",
              note: "Gatorade-like sports drink, 6 % sugar"),
        Fluid(name: "cola", sodium: 3, potassium: 0.1, chloride: 1, glucose: 330, fructose: 250,
              source: "van der Horst, S Afr Med J 1984 (K absent, 430 mOsm/kg measured); sugar ≈ 106 g/L as high-fructose syrup (label, unconfirmed)",
              note: "cola soft drink, ~105 g/L sugar"),
        Fluid(name: "apple-juice", sodium: 2, potassium: 26, chloride: 1, magnesium: 2, glucose: 140, fructose: 340,
              source: "USDA-type values (PHYSIOLOGY.md §4a, unconfirmed): Na 1–3, K 25–28 mmol/L, ~115 g/L sugar, fructose-rich",
              note: "apple juice, ~650–730 mOsm/kg"),
        Fluid(name: "half-apple-juice", sodium: 1, potassium: 13, chloride: 0.5, magnesium: 1, glucose: 70, fructose: 170,
              source: "apple-juice diluted 1:1 with water (PHYSIOLOGY.md §4a: ~350 mOsm/kg)",
              note: "apple juice diluted half-and-half with water"),
        // 2.1 g NaCl (36 mmol) + 25.2 g sucrose (74 mmol → 74 glucose + 74 fructose) per litre.
        Fluid(name: "homemade-sugar-salt", sodium: 36, chloride: 36, glucose: 74, fructose: 74,
              source: "home-made sugar–salt recipe (wikem; socratic): 2.1 g NaCl + 25.2 g sucrose per litre",
              note: "home-made salt and sugar solution"),
        Fluid(name: "saline-0.9", route: .iv, sodium: 154, chloride: 154,
              source: "0.9 % NaCl: 9 g/L ÷ 58.44 g/mol = 154 mmol/L",
              note: "normal saline, IV"),
        Fluid(name: "saline-0.45", route: .iv, sodium: 77, chloride: 77,
              source: "0.45 % NaCl: 77 mmol/L",
              note: "half-normal saline, IV"),
        Fluid(name: "saline-3", route: .iv, sodium: 513, chloride: 513,
              source: "3 % NaCl: 30 g/L ÷ 58.44 g/mol = 513 mmol/L",
              note: "hypertonic saline, IV"),
        Fluid(name: "ringer-lactate", route: .iv, sodium: 130, potassium: 4, chloride: 109, bicarbonate: 28,
              source: "Hartmann's / Ringer's lactate (Na 130, K 4, Cl 109, lactate 28, Ca 1.5 mmol/L; Ca not modelled)",
              note: "Ringer's lactate, IV; lactate counts as base"),
        Fluid(name: "d5w", route: .iv, glucose: 278,
              source: "5 % dextrose: 50 g/L ÷ 180 g/mol = 278 mmol/L",
              note: "5 % dextrose in water, IV"),
    ]

    /// The fluid with this name, or `nil`.
    public static func named(_ name: String) -> Fluid? { all.first { $0.name == name } }
    public static var names: [String] { all.map(\.name) }
}
