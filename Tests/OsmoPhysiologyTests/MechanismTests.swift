import Testing
import OsmoODE
@testable import OsmoPhysiology

/// The drinks differ only by composition: the outcomes below must emerge from transport physiology.
@Suite struct MechanismTests {
    static let untreated = norovirusArm(nil)
    static let ors = norovirusArm(Fluids.ors)
    static let sports = norovirusArm(Fluids.sports)

    @Test func allArmsSucceed() {
        for tr in [Self.untreated, Self.ors, Self.sports] { #expect(tr.status == .success) }
        // Equal volumes drunk in the two treated arms.
        #expect(abs(Self.ors.final(.cum_oral_intake_L) - Self.sports.final(.cum_oral_intake_L)) < 1e-9)
    }

    @Test func orsEndsNoMoreDehydratedThanSportsDrink() {
        #expect(Self.ors.final(.weight_loss_pct) <= Self.sports.final(.weight_loss_pct))
    }

    @Test func orsKeepsPotassiumHigherThanSportsDrink() {
        #expect(Self.ors.minimum(.k_plasma_mmol_L) > Self.sports.minimum(.k_plasma_mmol_L))
    }

    @Test func sportsDrinkHasAtLeastAsMuchStoolAsOrs() {
        #expect(Self.sports.final(.cum_stool_L) >= Self.ors.final(.cum_stool_L))
    }

    @Test func untreatedIsTheMostDehydrated() {
        let u = Self.untreated.final(.weight_loss_pct)
        #expect(u > Self.ors.final(.weight_loss_pct))
        #expect(u > Self.sports.final(.weight_loss_pct))
        #expect(Self.untreated.maximum(.weight_loss_pct) > Self.sports.maximum(.weight_loss_pct))
    }

    /// Plain water replacing salty (cholera-like) stool dilutes the body's sodium.
    @Test func plainWaterWithSaltyStoolCausesHyponatremia() {
        var p = SimulationProblem(durationH: 48, sampleIntervalH: 0.5)
        p.illness = .prescribedStool(PrescribedStool(ratesMLPerKgH: [(0, 3)], composition: .choleraAdult))
        p.overrides = ["maintenance_intake_fraction": 0.5]
        p.drinks = [OralDrink(fluid: Fluids.water, schedule: .every(intervalH: 1, volumeL: 0.2, startH: 0, stopH: 48))]
        let water = simulate(p)
        #expect(water.status == .success)
        #expect(water.minimum(.na_plasma_mmol_L) < 135)
        p.drinks = [OralDrink(fluid: Fluids.ors, schedule: .every(intervalH: 1, volumeL: 0.2, startH: 0, stopH: 48))]
        let ors = simulate(p)
        #expect(ors.minimum(.na_plasma_mmol_L) > water.minimum(.na_plasma_mmol_L))
    }

    /// Untreated cholera-rate purging reaches severe dehydration (> 10 % of body weight) with nothing but half
    /// the usual intake; drinking water for thirst as well, the ECF still falls below half of normal (shock),
    /// the water going into cells as the plasma Na falls.
    @Test func untreatedCholeraReachesSevereDehydration() {
        var p = SimulationProblem(durationH: 48, sampleIntervalH: 0.5)
        p.illness = .pathogen(.cholera, severity: 1, onsetH: 0)
        p.overrides = ["maintenance_intake_fraction": 0.5, "thirst_water_intake": 0]
        let dry = simulate(p)
        #expect(dry.status == .success)
        #expect(dry.maximum(.weight_loss_pct) > 10)
        p.overrides = ["maintenance_intake_fraction": 0.5]
        let water = simulate(p)
        let ecf = zip(water.column(.volume_plasma_L), water.column(.volume_interstitial_L)).map { $0 + $1 }
        #expect(ecf.min()! < 0.5 * ecf[0])
        #expect(water.minimum(.na_plasma_mmol_L) < dry.minimum(.na_plasma_mmol_L))
    }
}
