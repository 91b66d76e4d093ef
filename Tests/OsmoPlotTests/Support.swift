import Foundation
import OsmoReport
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A made-up run with every column the figures use, so the tests do not depend on the model's numbers.
func syntheticRun(arms: [String] = ["untreated", "ors", "sports-drink"]) -> RunData {
    let times = stride(from: 0.0, through: 48, by: 0.5).map { $0 }
    let columns = ["time_h", "weight_loss_pct", "volume_plasma_L", "volume_interstitial_L", "volume_intracellular_L",
                   "volume_gut_lumen_L", "na_plasma_mmol_L", "k_plasma_mmol_L", "mg_plasma_mmol_L", "tnf_pg_mL", "il6_pg_mL",
                   "il10_pg_mL", "temperature_C", "myalgia_score", "cramp_score", "cum_oral_intake_L", "cum_iv_intake_L",
                   "cum_stool_L", "cum_urine_L", "cum_insensible_L", "cum_vomit_L", "cum_metabolic_water_L",
                   "heart_rate_bpm", "systolic_mmHg", "orthostatic_hr_rise_bpm", "haematocrit"]  // circulation (issue 12)
    return RunData(name: "synthetic <test> & co", arms: arms.enumerated().map { i, name in
        let k = Double(i)
        var c: [String: [Double]] = [:]
        for col in columns {
            c[col] = times.map { t in
                let bump = exp(-pow((t - 14) / 6, 2))
                switch col {
                case "time_h": return t
                case "weight_loss_pct": return (6 - 2.5 * k) * (1 - exp(-t / 12))
                case "na_plasma_mmol_L": return 140 - (2 + k) * bump
                case "k_plasma_mmol_L": return 4.2 - (0.9 - 0.3 * k) * bump
                case "mg_plasma_mmol_L": return 0.85 - 0.2 * bump
                case "tnf_pg_mL", "il6_pg_mL", "il10_pg_mL": return 5 + 200 * bump
                case "temperature_C": return 37 + 2.1 * bump
                case "myalgia_score": return 3 * bump
                case "cramp_score": return (2 - k) * bump
                case "volume_gut_lumen_L": return 0.3 * bump
                default: return (col.hasPrefix("cum_") ? 0.05 * (k + 1) * t : 3 + 0.1 * k - 0.2 * bump)
                }
            }
        }
        let summary = ["arm": name, "status": "success", "peak_weight_loss_pct": "\(6 - 2.5 * k)",
                       "min_na_plasma_mmol_L": "138", "min_k_plasma_mmol_L": "3.3", "min_mg_plasma_mmol_L": "0.65",
                       "hours_to_moderate_dehydration": i == 0 ? "20.5" : "", "hours_to_hypokalemia": i == 0 ? "11" : "",
                       "hours_to_oliguria": i == 0 ? "30" : "", "hours_to_fever_102F": "13", "diarrhea_over_48h": "false"]
        return RunData.Arm(name: name, columns: c, summary: summary)
    })
}

/// Parses `text` as XML; returns the error, or nil when well-formed. Also collects element names.
final class XMLCheck: NSObject, XMLParserDelegate {
    var elements: [String] = []
    var text = ""
    var error: Error?

    static func parse(_ s: String) -> XMLCheck {
        let check = XMLCheck()
        let parser = XMLParser(data: Data(s.utf8))
        parser.delegate = check
        if !parser.parse() { check.error = parser.parserError ?? NSError(domain: "xml", code: 1) }
        return check
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.append(elementName)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
}

func temporaryDirectory(_ name: String) -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("osmo-plot-tests-\(name)-\(getpid())").path
    try? FileManager.default.removeItem(atPath: dir)
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}

/// The package root (…/Tests/OsmoPlotTests/Support.swift → …).
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
