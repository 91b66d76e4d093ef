import OsmoInflammation

/// When and how much an oral fluid is drunk.
public enum DrinkSchedule: Sendable, Equatable {
    /// `volumeL` drunk at each of `timesH` (a bolus into the stomach: a segment boundary).
    case at(timesH: [Double], volumeL: Double)
    /// `volumeL` every `intervalH` from `startH` (inclusive) to `stopH` (exclusive).
    case every(intervalH: Double, volumeL: Double, startH: Double, stopH: Double)
    /// `volumeL` after each loose stool, where one loose stool is `stoolVolumeL` of stool:
    /// drunk continuously at `volumeL / stoolVolumeL` × the stool rate (WHO Plan A), from `startH`
    /// (inclusive) to `stopH` (exclusive), h; `stopH` may be `.infinity` (the whole run).
    case perStool(volumeL: Double, stoolVolumeL: Double, startH: Double = 0, stopH: Double = .infinity)
    /// Drunk ad lib as thirst dictates (thirst from plasma osmolality and volume), from `startH`
    /// (inclusive) to `stopH` (exclusive), h; `stopH` may be `.infinity` (the whole run).
    case adLib(startH: Double = 0, stopH: Double = .infinity)
    /// A steady rate, L/h, from `startH` to `stopH` (sipping, a nasogastric drip).
    case continuous(rateLPerH: Double, startH: Double, stopH: Double)

    /// Ad-lib drinking for the whole run (`.adLib(startH: 0, stopH: .infinity)`).
    public static var adLib: DrinkSchedule { .adLib(startH: 0, stopH: .infinity) }
}

/// An oral fluid and its schedule.
public struct OralDrink: Sendable, Equatable {
    public var fluid: Fluid
    public var schedule: DrinkSchedule
    public init(fluid: Fluid, schedule: DrinkSchedule) {
        self.fluid = fluid
        self.schedule = schedule
    }
}

/// An IV infusion at a constant rate from `startH` to `stopH`.
public struct Infusion: Sendable, Equatable {
    public var fluid: Fluid
    public var rateLPerH: Double
    public var startH: Double
    public var stopH: Double
    public init(fluid: Fluid, rateLPerH: Double, startH: Double, stopH: Double) {
        self.fluid = fluid
        self.rateLPerH = rateLPerH
        self.startH = startH
        self.stopH = stopH
    }
}

/// A vomiting episode at `timeH`, emptying `fraction` of the stomach's contents.
public struct Vomit: Sendable, Equatable {
    public var timeH: Double
    public var fraction: Double
    public init(timeH: Double, fraction: Double = 0.8) {
        self.timeH = timeH
        self.fraction = fraction
    }
}

/// Mechanisms that can be switched off for teaching.
public struct Mechanisms: Sendable, Equatable {
    /// ADH, aldosterone and GFR regulation (off: urine flow and composition fixed at baseline).
    public var renalRegulation = true
    /// Thirst-driven drinking for `adLib` drinks (off: ad-lib drinks drink nothing).
    public var thirst = true
    /// Insensible water loss from skin and lungs.
    public var insensibleLoss = true
    /// The cytokine response, fever and myalgia.
    public var inflammation = true
    /// The illness itself (secretion / prescribed stool / endotoxin).
    public var illness = true
    /// Usual eating and drinking (Holliday–Segar maintenance water, Na, K, Mg) at `maintenanceIntakeFraction`.
    public var maintenanceIntake = true
    public init() {}
}

// MARK: Fever medicines (issue 12)

/// An oral fever medicine (paracetamol or ibuprofen): `doseMg` taken at each of `timesH`.
/// Each dose is a segment boundary of the inflammation course (``InflammationTrack``), where the
/// drug's PK and its COX inhibition live; the fluid model only sees the temperature that results.
public struct MedicineCourse: Sendable, Equatable {
    public var medicine: FeverMedicine
    /// One dose, mg.
    public var doseMg: Double
    /// Dose times, h, sorted.
    public var timesH: [Double]
    public init(medicine: FeverMedicine, doseMg: Double, timesH: [Double]) {
        self.medicine = medicine
        self.doseMg = doseMg
        self.timesH = timesH.sorted()
    }
}
