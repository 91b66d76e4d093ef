import Foundation
import Testing
@testable import OsmoReport

@Suite struct HTMLReportTests {
    func report() -> String {
        let run = syntheticRun()
        let context = ReportContext(title: "norovirus <adult>", description: "A test & a check.", facts: ["duration: 48 h"],
                                    armDescriptions: ["ors": "WHO ORS, 250 mL every 2 h"], generator: "osmo test")
        return HTMLReport.render(context: context, run: run, figures: RunFigures.all(run))
    }

    @Test func containsTheTableTimelineSixFiguresAndAssumptions() {
        let html = report()
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.components(separatedBy: "<svg ").count - 1 == 7)
        #expect(html.components(separatedBy: "</svg>").count - 1 == 7)
        #expect(html.contains("<table class=\"comparison\">"))
        #expect(html.components(separatedBy: "<tr>").count - 1 == 4)  // header + 3 arms
        #expect(html.contains("peak weight loss (%)") && html.contains(">6.0<"))
        #expect(html.contains("WHO ORS, 250 mL every 2 h"))
        #expect(html.contains("norovirus &lt;adult&gt;") && html.contains("A test &amp; a check."))
        #expect(html.contains("What the model assumes and leaves out"))
        for a in ModelAssumptions.items { #expect(html.contains(HTMLReport.esc(a))) }
    }

    @Test func nothingIsFetchedFromTheNetwork() {
        let html = report().lowercased()
        for banned in ["http:", "https:", "src=", "<script", "<link", "@import", "url("] {
            #expect(!html.contains(banned), "the report contains \(banned)")
        }
    }

    @Test func warningTimelineIsPlainLanguageInTimeOrder() {
        let run = syntheticRun()
        #expect(WarningTimeline.sentence(run.arms[0])
            == "untreated: low potassium (hypokalemia) at 11 h, fever above 102 °F at 13 h, moderate dehydration (weight loss ≥ 5 %) at 21 h, very little urine for 6 h at 30 h")
        #expect(WarningTimeline.sentence(run.arms[1]) == "ors: fever above 102 °F at 13 h")
        var arm = run.arms[2]
        arm.summary = ["status": "success", "diarrhea_over_48h": "false"]
        #expect(WarningTimeline.sentence(arm) == "sports-drink: none")
        arm.summary = ["status": "step_underflow", "failure_time_h": "12.25", "failure_reason": "step size underflow", "hours_to_hyponatremia": "3.25", "diarrhea_over_48h": "true"]
        #expect(WarningTimeline.sentence(arm) == "sports-drink: low sodium (hyponatremia) at 3.3 h, diarrhea still going after 48 h (the simulation stopped at 12 h: step size underflow)")
    }
}
