/// Who is simulated: body size and the composition that follows from it.
public struct Patient: Sendable, Equatable {
    public enum Sex: String, Sendable, Codable, CaseIterable { case male, female }

    /// Body weight at the start, kg (> 0).
    public var weightKg: Double
    /// Age, years (≥ 0).
    public var ageYears: Double
    public var sex: Sex

    public init(weightKg: Double, ageYears: Double, sex: Sex = .male) {
        self.weightKg = weightKg
        self.ageYears = ageYears
        self.sex = sex
    }

    /// 70 kg, 30-year-old man (PHYSIOLOGY.md §1a).
    public static let adult = Patient(weightKg: 70, ageYears: 30, sex: .male)
    /// 10 kg, 1-year-old child (PHYSIOLOGY.md §1b).
    public static let child = Patient(weightKg: 10, ageYears: 1, sex: .male)

    /// Fraction 0…1 of the way from the infant (≤ 1 y) to the adult (≥ 16 y) body composition.
    var maturity: Double { min(max((ageYears - 1) / 15, 0), 1) }

    /// Total body water / weight: 0.60 infant (§1b), 0.60 man, 0.50 woman (§1a).
    public var totalBodyWaterFraction: Double {
        let adult = sex == .male ? 0.60 : 0.50
        return 0.60 + (adult - 0.60) * maturity
    }
    /// Extracellular water / weight: 0.275 infant (§1b, Friis-Hansen), 1/3 of TBW adult (§1a).
    public var extracellularFraction: Double {
        0.275 + (totalBodyWaterFraction / 3 - 0.275) * maturity
    }
    /// Plasma / weight: 0.05 infant (§1b, 45–50 mL/kg), 1/4 of ECF adult (§1a: 3.5 of 14 L).
    public var plasmaFraction: Double {
        0.05 + (extracellularFraction / 4 - 0.05) * maturity
    }

    /// Holliday–Segar maintenance water, L/day: 100 mL/kg for the first 10 kg, 50 for the next 10,
    /// 20 above 20 kg (§1b; Holliday & Segar, Pediatrics 1957). 70 kg → 2.5 L/day.
    public var maintenanceWaterLPerDay: Double {
        let w = weightKg
        let ml = 100 * min(w, 10) + 50 * min(max(w - 10, 0), 10) + 20 * max(w - 20, 0)
        return ml / 1000
    }
}
