import Foundation
import OsmoPhysiology
import Testing
@testable import OsmoScenario

/// The shipped scenarios read as a clinician reads a lab sheet (issue #11): charge balance, acid–base,
/// sodium and stool composition, at every sample of every arm. Limits the model does not meet yet are
/// recorded as known issues, so they show in every test run and the test says so once they are fixed.
@Suite(.serialized) struct ClinicalChemistryTests {
    typealias Rows = [String: [[String: Double]]]

    /// Every shipped scenario's time series, by arm (from the shared run of ``ShippedScenarioTests``).
    static let series: [String: Rows] = {
        var out: [String: Rows] = [:]
        for (name, o) in ShippedScenarioTests.outputs {
            guard let text = try? String(contentsOfFile: o.dir + "/timeseries.csv", encoding: .utf8) else { continue }
            var lines = text.split(separator: "\n").map(String.init)
            let header = lines.removeFirst().split(separator: ",").map(String.init)
            var arms: Rows = [:]
            for line in lines {
                let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                var row: [String: Double] = [:]
                for (h, c) in zip(header.dropFirst(), cells.dropFirst()) { row[h] = Double(c) }
                arms[cells[0], default: []].append(row)
            }
            out[name] = arms
        }
        return out
    }()

    static func summary(_ scenario: String, _ arm: String) -> [String: String] {
        guard let o = ShippedScenarioTests.outputs[scenario],
              let text = try? String(contentsOfFile: o.dir + "/summary.csv", encoding: .utf8) else { return [:] }
        let lines = text.split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        for line in lines.dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if cells.first == arm { return Dictionary(uniqueKeysWithValues: zip(header, cells)) }
        }
        return [:]
    }

    @Test func everyScenarioHasItsSeries() {
        #expect(Set(Self.series.keys) == Set(Repo.shipped))
    }

    /// Healthy start: pH 7.38–7.42 and pCO2 38–42 mmHg in every arm (the adult and the child).
    @Test(arguments: Repo.shipped) func healthyAcidBaseAtStart(_ name: String) throws {
        for (arm, rows) in try #require(Self.series[name]) {
            let r = try #require(rows.first)
            #expect((7.38...7.42).contains(r["ph_plasma"]!), "\(name)/\(arm): pH \(r["ph_plasma"]!)")
            #expect((38...42).contains(r["pco2_mmHg"]!), "\(name)/\(arm): pCO2 \(r["pco2_mmHg"]!)")
            #expect((8...24).contains(r["anion_gap_mmol_L"]!))
        }
    }

    /// Respiratory compensation follows Winter's relation (pCO2 = 1.5·HCO3 + 8 ± 2) wherever HCO3 < 20.
    @Test(arguments: Repo.shipped) func compensationFollowsWinter(_ name: String) throws {
        for (arm, rows) in try #require(Self.series[name]) {
            for r in rows where r["hco3_plasma_mmol_L"]! < 20 {
                let winter = 1.5 * r["hco3_plasma_mmol_L"]! + 8
                #expect(abs(r["pco2_mmHg"]! - winter) <= 2, "\(name)/\(arm): pCO2 \(r["pco2_mmHg"]!) vs Winter \(winter)")
            }
        }
    }

    /// Diarrhoea is the textbook cause of metabolic acidosis: untreated cholera reaches HCO3 ≤ 18 and pH < 7.30.
    @Test func untreatedCholeraIsAcidotic() throws {
        let rows = try #require(Self.series["cholera-adult"]?["untreated"])
        #expect(rows.map { $0["hco3_plasma_mmol_L"]! }.min()! <= 18)
        #expect(Self.summary("cholera-adult", "untreated")["hours_to_acidosis"] != "")
        #expect(rows.map { $0["ph_plasma"]! }.min()! < 7.30)
    }

    /// The untreated rotavirus child, once it has lost 5 % of its weight, is acidotic as most dehydrated children
    /// are (HCO3 < 21 in 72 %: PHYSIOLOGY-2 §1a), and ketotic (Levy & Bachur 2013: BHB median 3.1 mmol/L).
    @Test func dehydratedChildIsAcidotic() throws {
        let rows = try #require(Self.series["rotavirus-child"]?["untreated"])
        let dry = rows.filter { $0["weight_loss_pct"]! >= 5 }
        try #require(!dry.isEmpty, "the untreated child never loses 5 %")
        #expect(dry.map { $0["hco3_plasma_mmol_L"]! }.min()! < 21)
        // At 60 % of its usual intake the child turns mildly ketotic: BHB (0.8 of the ketoacids) above 0.3 mmol/L,
        // three times the fed level (Parmar 2023: 0.1 after an overnight fast beyond 3 years).
        #expect(rows.map { 0.8 * $0["ketone_mmol_L"]! }.max()! > 0.3)
    }

    /// The ORS child keeps a normal Na (< 150), and the flagship's ORS drinker is not told "very little urine".
    @Test func orsKeepsSodiumAndUrineNormal() throws {
        let child = try #require(Self.series["rotavirus-child"]?["ors"])
        #expect(child.map { $0["na_plasma_mmol_L"]! }.max()! < 150)
        #expect(Self.summary("norovirus-adult", "ors")["hours_to_oliguria"] == "")
    }

    /// The anion gap stays within 8–24 mmol/L, or beyond only as far as the organic anions above their resting
    /// levels (lactate, ketoacids: their columns show them) account for the excess; Cl and HCO3 never leave what
    /// chemistry allows.
    @Test(arguments: Repo.shipped) func anionGapStaysClinical(_ name: String) throws {
        for (arm, rows) in try #require(Self.series[name]) {
            let lactate0 = rows[0]["lactate_mmol_L"]!, ketone0 = rows[0]["ketone_mmol_L"]!
            let gaps = rows.map {
                $0["anion_gap_mmol_L"]! - max(0, $0["lactate_mmol_L"]! - lactate0) - max(0, $0["ketone_mmol_L"]! - ketone0)
            }
            for r in rows {
                #expect(r["cl_plasma_mmol_L"]! > 40 && r["cl_plasma_mmol_L"]! < 140, "\(name)/\(arm): Cl \(r["cl_plasma_mmol_L"]!)")
                #expect(r["hco3_plasma_mmol_L"]! > 3 && r["hco3_plasma_mmol_L"]! < 45)
            }
            let inRange = gaps.allSatisfy { (8...24).contains($0) }
            if Self.knownWideGap.contains("\(name)/\(arm)") {
                withKnownIssue("issue #11: the unmeasured anions concentrate as the ECF contracts or cells swell (gap less excess lactate up to \(gaps.max()!))") {
                    #expect(inRange)
                }
            } else {
                #expect(inRange, "\(name)/\(arm): anion gap \(gaps.min()!)–\(gaps.max()!)")
            }
        }
    }
    static let knownWideGap: Set<String> = ["cholera-adult/untreated", "cholera-adult/nothing-by-mouth", "cholera-adult/iv-then-ors"]

    /// Diarrhoeal stool is never salt-free: while the stool rate is above 3 × basal, stool Na ≥ 10 and
    /// Na + K ≥ 30 mmol/L.
    @Test(arguments: Repo.shipped) func diarrhoealStoolCarriesSalt(_ name: String) throws {
        for (arm, rows) in try #require(Self.series[name]) {
            let basal = rows[0]["stool_rate_mL_h"]!
            let loose = rows.filter { $0["stool_rate_mL_h"]! > 3 * basal }
            let ok = loose.allSatisfy { $0["stool_na_mmol_L"]! >= 10 && $0["stool_na_mmol_L"]! + $0["stool_k_mmol_L"]! >= 30 }
            #expect(ok, "\(name)/\(arm): salt-poor diarrhoeal stool")
        }
    }
}
