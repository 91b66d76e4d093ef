import Foundation
import OsmoPhysiology
import Testing
@testable import OsmoScenario

/// The circulation (issue 12) in the shipped scenarios: the pulse rises and the pressure falls as an untreated
/// arm dehydrates, and both come back with ORS; the haematocrit follows the plasma volume.
@Suite(.serialized) struct CirculationTests {
    static func column(_ scenario: String, _ arm: String, _ name: String) throws -> [Double] {
        let rows = try #require(ClinicalChemistryTests.series[scenario]?[arm], "\(scenario)/\(arm) missing")
        return rows.map { $0[name]! }
    }

    /// Untreated: the pulse at the worst weight loss is above rest and the systolic pressure below it, by at least
    /// `hrRise` bpm and `sbpFall` mmHg (norovirus is a mild dehydration, < 3 % of weight: its signs are small, as WHO's
    /// "no signs" of mild dehydration); with ORS the pulse at the same time is lower, and at the end close to rest.
    @Test(arguments: [("norovirus-adult", 1.0, 0.5), ("cholera-adult", 10.0, 5.0)])
    func pulseRisesUntreatedAndRecoversWithORS(_ scenario: String, _ hrRise: Double, _ sbpFall: Double) throws {
        let loss = try Self.column(scenario, "untreated", "weight_loss_pct")
        let hr = try Self.column(scenario, "untreated", "heart_rate_bpm")
        let sbp = try Self.column(scenario, "untreated", "systolic_mmHg")
        let k = loss.indices.max { loss[$0] < loss[$1] }!
        #expect(hr[k] > hr[0] + hrRise, "\(scenario): HR \(hr[0]) → \(hr[k]) at the worst loss")
        #expect(sbp[k] < sbp[0] - sbpFall, "\(scenario): systolic \(sbp[0]) → \(sbp[k])")
        let hrORS = try Self.column(scenario, "ors", "heart_rate_bpm")
        #expect(hrORS[k] < hr[k] - hrRise / 2, "\(scenario): ORS HR \(hrORS[k]) vs untreated \(hr[k])")
        #expect(abs(hrORS.last! - hrORS[0]) < 5, "\(scenario): ORS HR at the end \(hrORS.last!)")
        // The pulse follows the dehydration: higher at the worst loss than when the loss was half as large.
        if let half = loss.firstIndex(where: { $0 >= loss[k] / 2 }) { #expect(hr[k] > hr[half]) }
    }

    /// Untreated cholera reaches dizziness on standing (the earliest bedside sign of a large volume loss) and a
    /// raised lactate; ORS prevents both. (With the ATLS/McGee calibration, a plasma-only loss of the size of untreated
    /// cholera's — blood volume ≈ 20 % down — stays short of supine tachycardia and hypotension: see MODEL.md §7c.)
    @Test func choleraUntreatedIsDizzy() throws {
        let u = ClinicalChemistryTests.summary("cholera-adult", "untreated")
        #expect(Double(u["hours_to_dizziness"] ?? "") != nil, "\(u)")
        #expect(ClinicalChemistryTests.summary("cholera-adult", "ors")["hours_to_dizziness"] == "")
        #expect(ClinicalChemistryTests.summary("cholera-adult", "ors")["hours_to_shock"] == "")
        let lactate = try Self.column("cholera-adult", "untreated", "lactate_mmol_L")
        #expect(lactate.max()! > 2)
        let ors = try Self.column("cholera-adult", "ors", "lactate_mmol_L")
        #expect(ors.max()! < lactate.max()!)
    }

    /// Haematocrit rises as plasma is lost: it is highest where the plasma volume is lowest.
    @Test func haematocritFollowsPlasma() throws {
        let vp = try Self.column("cholera-adult", "untreated", "volume_plasma_L")
        let hct = try Self.column("cholera-adult", "untreated", "haematocrit")
        let k = vp.indices.min { vp[$0] < vp[$1] }!
        #expect(hct[k] == hct.max()!)
        #expect(hct[k] > hct[0] + 0.05)
    }
}
