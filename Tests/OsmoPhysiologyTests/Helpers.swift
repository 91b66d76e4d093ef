import OsmoODE
@testable import OsmoPhysiology

enum Fluids {
    static let water = FluidLibrary.named("water")!
    static let ors = FluidLibrary.named("who-ors")!
    static let sports = FluidLibrary.named("sports-drink")!
    static let saline = FluidLibrary.named("saline-0.9")!
}

extension Trajectory {
    func minimum(_ o: Observable) -> Double { column(o).min()! }
    func maximum(_ o: Observable) -> Double { column(o).max()! }
    func final(_ o: Observable) -> Double { column(o).last! }
}

/// The flagship comparison: a 70 kg adult with norovirus-like diarrhoea for 48 h, half their usual
/// intake, and (for treated arms) 150 mL of a drink every hour from hour 4 to 44 (6 L).
func norovirusArm(_ drink: Fluid?, hours: Double = 48) -> Trajectory {
    var p = SimulationProblem(durationH: hours, sampleIntervalH: 0.5)
    p.illness = .pathogen(.norovirus, severity: 1, onsetH: 0)
    // No water for thirst: the treated arms drink equal volumes, so only the drinks' composition differs.
    p.overrides = ["maintenance_intake_fraction": 0.5, "thirst_water_intake": 0]
    if let drink {
        p.drinks = [OralDrink(fluid: drink, schedule: .every(intervalH: 1, volumeL: 0.15, startH: 4, stopH: 44))]
    }
    return simulate(p)
}
