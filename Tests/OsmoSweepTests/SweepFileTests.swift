import Foundation
import OsmoScenario
import Testing
@testable import OsmoSweep

@Suite struct SweepFileTests {
    @Test func shippedSweepsValidate() throws {
        let grid = try SweepValidator.load(path: repoRoot + "/Scenarios/sweeps/demo-grid.yaml").get()
        #expect(grid.runCount == 36 && grid.arms.map(\.name) == ["untreated", "ors"])
        #expect(grid.parameters.map(\.name) == ["illness.severity", "patient.weight_kg", "drink.volume_mL"])
        #expect(grid.scenario.sampleIntervalH == 1)
        let sobol = try SweepValidator.load(path: repoRoot + "/Scenarios/sweeps/norovirus-sobol.yaml").get()
        #expect(sobol.plan == .saltelli(base: 2048) && sobol.runCount == 14_336 && sobol.runCount >= 10_000)
        #expect(sobol.arms.map(\.name) == ["ors"])
    }

    @Test func parametersReachTheProblem() throws {
        let grid = try SweepValidator.load(path: repoRoot + "/Scenarios/sweeps/demo-grid.yaml").get()
        let ors = grid.arms[1]
        let p = grid.problem(arm: ors, values: [1.5, 90, 350])
        #expect(p.patient.weightKg == 90)
        guard case .pathogen(_, let severity, _) = p.illness else { Issue.record("no pathogen"); return }
        #expect(severity == 1.5)
        guard case .every(_, let v, _, _) = p.drinks[0].schedule else { Issue.record("no drink"); return }
        #expect(v == 0.35)
        #expect(p.overrides == grid.scenario.overrides)   // the scenario's overrides stay
    }

    func issues(_ text: String) -> [String] {
        let file = repoRoot + "/Scenarios/sweeps/test.yaml"
        switch SweepValidator.validate(text: text, file: file) {
        case .success: return []
        case .failure(let i): return i.issues.map { "\($0)".replacingOccurrences(of: repoRoot + "/Scenarios/sweeps/", with: "") }
        }
    }

    @Test func everyProblemWithItsLine() {
        let found = issues("""
            name: bad
            scenario: ../norovirus-adult.yaml
            arms: [ors, orz]
            parameters:
              gfr_ml_min: {uniform: [60, 180]}
              illness.severity: {uniform: [2, 1]}
              patient.weight_kg: {log_uniform: [0, 90]}
              drink.volume_mL: {values: [100, 9000]}
              illness.peak_secretion_mL_kg_h: {uniform: [1, 2], values: [1]}
            plan: {method: sobel, samples: 10}
            outcomes: [peak_weight_loss, status]
            """)
        #expect(found == [
            "test.yaml:3: arms[1]: the scenario has no arm `orz`; did you mean `ors`? (expected one of `untreated`, `ors` or `sports-drink`)",
            "test.yaml:5: parameters.gfr_ml_min: unknown parameter; did you mean `gfr_mL_min`? (expected a model parameter documented in MODEL.md or one of `patient.weight_kg`, `illness.severity`, `illness.peak_secretion_mL_kg_h`, `drink.volume_mL`, `drink.sodium_mmol_L`, `drink.glucose_mmol_L` or `drink.potassium_mmol_L`)",
            "test.yaml:6: parameters.illness.severity.uniform: expected two numbers, low < high (expected `[low, high]`)",
            "test.yaml:7: parameters.patient.weight_kg.log_uniform[0]: 0 is out of range (expected 0.5 … 500 kg)",
            "test.yaml:8: parameters.drink.volume_mL.values[1]: 9000 is out of range (expected 4.94066e-324 … 5000 mL)",
            "test.yaml:9: parameters.illness.peak_secretion_mL_kg_h: more than one range (`uniform` or `values`) (expected exactly one of `uniform: [low, high]`, `log_uniform: [low, high]` or `values: [a, b, …]`)",
            "test.yaml:10: plan.method: unknown sampling method `sobel`; did you mean `sobol`? (expected one of `grid`, `lhs` or `sobol`)",
            "test.yaml:11: outcomes[0]: `peak_weight_loss` is not a summary.csv column; did you mean `peak_weight_loss_pct`? (expected one of \(YAMLFieldReader.list(SweepTable.outcomeColumns)))",
            "test.yaml:11: outcomes[1]: `status` is not a summary.csv column (expected one of \(YAMLFieldReader.list(SweepTable.outcomeColumns)))",
        ])
    }

    @Test func planAndScenarioProblems() {
        #expect(issues("""
            name: g
            scenario: ../norovirus-adult.yaml
            parameters: {gfr_mL_min: {uniform: [60, 180]}}
            plan: grid
            outcomes: [total_stool_L]
            """) == ["test.yaml:4: plan: the grid needs `levels` for `gfr_mL_min` (expected `levels: N` in every uniform or log-uniform range)"])
        #expect(issues("""
            name: g
            scenario: ../endotoxin-challenge.yaml
            parameters: {illness.severity: {values: [1, 2]}}
            plan: grid
            outcomes: [total_stool_L]
            """).first?.contains("cannot be swept here") == true)
        #expect(issues("""
            name: g
            scenario: ../missing.yaml
            parameters: {gfr_mL_min: {values: [1]}}
            plan: grid
            outcomes: [total_stool_L]
            """).first?.hasPrefix("test.yaml:2: scenario: the scenario `../missing.yaml` is invalid") == true)
        let many = (0..<21).map { "  k\($0): {uniform: [0, 1]}" }  // unknown names are reported first
        #expect(issues("name: g\nscenario: ../norovirus-adult.yaml\nparameters:\n\(many.joined(separator: "\n"))\nplan: {method: sobol, samples: 4, saltelli: true}\noutcomes: [total_stool_L]").count == 21)
    }
}
