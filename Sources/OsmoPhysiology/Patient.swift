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

    /// Brain mass, kg: Dekaban & Sadowsky, Ann Neurol 1978;4:345 (males: 0.38 at birth, 0.95 at 1 y, 1.07 at 2,
    /// 1.16 at 3, 1.30 at 6, 1.37 at 12, 1.40 from 18; females 0.1 kg less as adults), linear between.
    public var brainMassKg: Double {
        let ages: [Double] = [0, 1, 2, 3, 6, 12, 18], male: [Double] = [0.38, 0.95, 1.07, 1.16, 1.30, 1.37, 1.40]
        let a = min(max(ageYears, 0), 18)
        var j = 0
        while j < ages.count - 2 && a > ages[j + 1] { j += 1 }
        let m = male[j] + (male[j + 1] - male[j]) * (a - ages[j]) / (ages[j + 1] - ages[j])
        return sex == .female ? m - 0.1 * maturity : m
    }

    /// Holliday–Segar maintenance water, L/day: 100 mL/kg for the first 10 kg, 50 for the next 10,
    /// 20 above 20 kg (§1b; Holliday & Segar, Pediatrics 1957). 70 kg → 2.5 L/day.
    public var maintenanceWaterLPerDay: Double {
        let w = weightKg
        let ml = 100 * min(w, 10) + 50 * min(max(w - 10, 0), 10) + 20 * max(w - 20, 0)
        return ml / 1000
    }
}
