/// Quantities with units, as written in scenario files (`72 h`, `200 mL`, `10 mL/kg/h`).
///
/// Parsing is strict: a number (decimal, optional exponent, finite), optional spaces, then one of
/// the units listed for the expected ``Dimension``. Each value is converted once, here, to osmo's
/// canonical units: hours, litres, kilograms, years, ng/kg, mmol/L.
public enum Dimension: Sendable, Equatable {
    /// Time → h.
    case time
    /// Volume → L.
    case volume
    /// Volume, or volume per kg of body weight → ``ScaledAmount``.
    case volumeOrPerKg
    /// Volume per time, or per kg per time → ``ScaledAmount`` in L/h or L/kg/h.
    case rateOrPerKg
    /// Body mass → kg.
    case mass
    /// Age → years.
    case age
    /// Endotoxin dose → ng/kg.
    case dosePerKg
    /// A medicine dose → mg, or mg/kg (issue 12).
    case drugDose
    /// Concentration → mmol/L (a bare number is taken as mmol/L).
    case concentration
    /// A plain number (no unit allowed).
    case dimensionless

    /// The units accepted, for messages.
    public var expected: String {
        switch self {
        case .time: return "a time such as `72 h`, `30 min`, `2 d` or `90 s`"
        case .volume: return "a volume such as `200 mL` or `1.5 L`"
        case .volumeOrPerKg: return "a volume such as `200 mL`, `1.5 L` or `10 mL/kg`"
        case .rateOrPerKg: return "a rate such as `100 mL/h`, `1 L/h`, `5 mL/min` or `10 mL/kg/h`"
        case .mass: return "a mass such as `70 kg`, `10500 g` or `154 lb`"
        case .age: return "an age such as `30 y`, `18 mo` or `6 wk`"
        case .dosePerKg: return "a dose such as `2 ng/kg`"
        case .drugDose: return "a dose such as `1 g`, `500 mg` or `15 mg/kg`"
        case .concentration: return "a concentration in mmol/L such as `75` or `75 mmol/L`"
        case .dimensionless: return "a plain number"
        }
    }
}

/// A volume or rate that may scale with body weight (`10 mL/kg`, `10 mL/kg/h`).
public enum ScaledAmount: Sendable, Equatable {
    /// In canonical units (L, or L/h).
    case absolute(Double)
    /// Per kg of body weight (L/kg, or L/kg/h).
    case perKg(Double)

    /// The amount for a patient of `weightKg`.
    public func resolved(weightKg: Double) -> Double {
        switch self {
        case .absolute(let v): return v
        case .perKg(let v): return v * weightKg
        }
    }
}

/// Why a quantity did not parse.
public enum QuantityError: Error, Equatable, Sendable {
    case notANumber
    case notFinite
    case missingUnit
    case unknownUnit(String)
    case unitNotAllowed(String)

    public var message: String {
        switch self {
        case .notANumber: return "not a number"
        case .notFinite: return "not a finite number"
        case .missingUnit: return "a unit is required"
        case .unknownUnit(let u): return "unknown unit `\(u)`"
        case .unitNotAllowed(let u): return "no unit allowed here (got `\(u)`)"
        }
    }
}

public enum Quantity {
    /// Hours per unit of time.
    static let timeUnits: [String: Double] = [
        "s": 1.0 / 3600, "sec": 1.0 / 3600, "second": 1.0 / 3600, "seconds": 1.0 / 3600,
        "min": 1.0 / 60, "minute": 1.0 / 60, "minutes": 1.0 / 60,
        "h": 1, "hr": 1, "hour": 1, "hours": 1,
        "d": 24, "day": 24, "days": 24,
        "wk": 168, "week": 168, "weeks": 168,
    ]
    /// Litres per unit of volume.
    static let volumeUnits: [String: Double] = ["mL": 1e-3, "ml": 1e-3, "dL": 0.1, "dl": 0.1, "L": 1, "l": 1]
    /// Kilograms per unit of mass.
    static let massUnits: [String: Double] = ["g": 1e-3, "kg": 1, "lb": 0.45359237, "lbs": 0.45359237]
    /// Years per unit of age.
    static let ageUnits: [String: Double] = [
        "y": 1, "yr": 1, "year": 1, "years": 1,
        "mo": 1.0 / 12, "month": 1.0 / 12, "months": 1.0 / 12,
        "wk": 7 / 365.25, "week": 7 / 365.25, "weeks": 7 / 365.25,
        "d": 1 / 365.25, "day": 1 / 365.25, "days": 1 / 365.25,
    ]
    /// mg per unit of a medicine dose.
    static let drugUnits: [String: Double] = ["mg": 1, "g": 1000]
    /// ng/kg per unit of dose.
    static let doseUnits: [String: Double] = ["ng/kg": 1, "ug/kg": 1000, "µg/kg": 1000]

    /// Splits `"72 h"` into 72 and `"h"`. The number must be plain decimal (no hex, no `inf`/`nan`).
    public static func split(_ text: String) -> (value: Double, unit: String)? {
        let s = Array(text.utf8)
        var i = 0
        func digits() -> Int {
            let start = i
            while i < s.count, s[i] >= 48, s[i] <= 57 { i += 1 }
            return i - start
        }
        while i < s.count, s[i] == 32 || s[i] == 9 { i += 1 }
        let numberStart = i
        if i < s.count, s[i] == 43 || s[i] == 45 { i += 1 }  // + -
        var n = digits()
        if i < s.count, s[i] == 46 {  // .
            i += 1
            n += digits()
        }
        guard n > 0 else { return nil }
        if i < s.count, s[i] == 101 || s[i] == 69 {  // e E
            let save = i
            i += 1
            if i < s.count, s[i] == 43 || s[i] == 45 { i += 1 }
            if digits() == 0 { i = save }
        }
        guard let numberText = String(bytes: s[numberStart..<i], encoding: .utf8),
            let value = Double(numberText)
        else { return nil }
        var unitBytes = Array(s[i...])
        // Trim spaces; spaces around "/" are allowed ("mL / kg / h").
        unitBytes.removeAll { $0 == 32 || $0 == 9 }
        guard let unit = String(bytes: unitBytes, encoding: .utf8) else { return nil }
        return (value, unit)
    }

    /// Parses `text` as a quantity of `dimension`, in canonical units. Per-kg forms come back as
    /// `.perKg`; for dimensions without a per-kg form the value is always `.absolute`.
    public static func parse(_ text: String, as dimension: Dimension) -> Result<ScaledAmount, QuantityError> {
        guard let (value, unit) = split(text) else { return .failure(.notANumber) }
        guard value.isFinite else { return .failure(.notFinite) }
        func scaled(_ table: [String: Double], _ u: String) -> Double? { table[u].map { value * $0 } }
        let result: ScaledAmount?
        switch dimension {
        case .dimensionless:
            guard unit.isEmpty else { return .failure(.unitNotAllowed(unit)) }
            result = .absolute(value)
        case .concentration:
            result = (unit.isEmpty || unit == "mmol/L" || unit == "mM") ? .absolute(value) : nil
        case .time, .volume, .mass, .age, .dosePerKg:
            if unit.isEmpty { return .failure(.missingUnit) }
            let table: [String: Double]
            switch dimension {
            case .time: table = timeUnits
            case .volume: table = volumeUnits
            case .mass: table = massUnits
            case .age: table = ageUnits
            default: table = doseUnits
            }
            result = scaled(table, unit).map { .absolute($0) }
        case .drugDose:
            if unit.isEmpty { return .failure(.missingUnit) }
            if unit.hasSuffix("/kg") {
                result = scaled(drugUnits, String(unit.dropLast(3))).map { .perKg($0) }
            } else {
                result = scaled(drugUnits, unit).map { .absolute($0) }
            }
        case .volumeOrPerKg:
            if unit.isEmpty { return .failure(.missingUnit) }
            if unit.hasSuffix("/kg") {
                result = scaled(volumeUnits, String(unit.dropLast(3))).map { .perKg($0) }
            } else {
                result = scaled(volumeUnits, unit).map { .absolute($0) }
            }
        case .rateOrPerKg:
            if unit.isEmpty { return .failure(.missingUnit) }
            let parts = unit.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            if parts.count == 2, let v = volumeUnits[parts[0]], let t = timeUnits[parts[1]] {
                result = .absolute(value * v / t)
            } else if parts.count == 3, parts[1] == "kg", let v = volumeUnits[parts[0]], let t = timeUnits[parts[2]] {
                result = .perKg(value * v / t)
            } else {
                result = nil
            }
        }
        guard let r = result else { return .failure(.unknownUnit(unit)) }
        switch r {
        case .absolute(let v), .perKg(let v): if !v.isFinite { return .failure(.notFinite) }
        }
        return .success(r)
    }
}
