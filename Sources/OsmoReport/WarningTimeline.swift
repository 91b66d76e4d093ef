import OsmoPlot

/// The warning signs of each arm in plain language, in the order they happen:
/// "untreated: little urine at 18 h, moderate dehydration at 30 h".
public enum WarningTimeline {
    /// A warning sign: the summary column holding its first time, and how to say it.
    public struct Sign: Sendable {
        public var summaryKey: String
        public var phrase: String
    }

    /// Every timed warning sign of `summary.csv`.
    public static let signs: [Sign] = [
        Sign(summaryKey: "hours_to_moderate_dehydration", phrase: "moderate dehydration (weight loss ≥ 5 %)"),
        Sign(summaryKey: "hours_to_severe_dehydration", phrase: "severe dehydration (weight loss ≥ 10 %)"),
        Sign(summaryKey: "hours_to_oliguria", phrase: "very little urine for 6 h"),
        Sign(summaryKey: "hours_to_fever_102F", phrase: "fever above 102 °F"),
        Sign(summaryKey: "hours_to_hyponatremia", phrase: "low sodium (hyponatremia)"),
        Sign(summaryKey: "hours_to_hypokalemia", phrase: "low potassium (hypokalemia)"),
        Sign(summaryKey: "hours_to_hypomagnesemia", phrase: "low magnesium (hypomagnesemia)"),
        Sign(summaryKey: "hours_to_acidosis", phrase: "acidosis (HCO3 < 18 or pH < 7.30)"),
        // Circulation (issue 12)
        Sign(summaryKey: "hours_to_tachycardia", phrase: "rapid pulse (tachycardia)"),
        Sign(summaryKey: "hours_to_dizziness", phrase: "dizziness on standing (pulse +30 or systolic −20)"),
        Sign(summaryKey: "hours_to_shock", phrase: "shock (low blood pressure, weak pulse)"),
        // end circulation
        Sign(summaryKey: "hours_to_critical", phrase: "a critical state, not survivable untreated"),
        // Issue 12: invasive enteritis.
        Sign(summaryKey: "hours_to_bloody_stool", phrase: "blood in the stool"),
        Sign(summaryKey: "hours_to_severe_abdominal_pain", phrase: "severe abdominal pain"),
    ]

    /// One event: what, when (h).
    public struct Event: Sendable, Equatable {
        public var phrase: String
        public var hours: Double
    }

    /// The arm's events sorted by time (ties in ``signs`` order), then "diarrhea still going after
    /// 48 h" when `diarrhea_over_48h` is true.
    public static func events(_ arm: RunData.Arm) -> [Event] {
        var events = signs.compactMap { s in arm.number(s.summaryKey).map { Event(phrase: s.phrase, hours: $0) } }
        events.sort { $0.hours < $1.hours }
        if arm.summary["diarrhea_over_48h"] == "true" {
            events.append(Event(phrase: "diarrhea still going after 48 h", hours: 48))
        }
        return events
    }

    /// `untreated: very little urine for 6 h at 18 h, low magnesium (hypomagnesemia) at 24 h` or `ors: none`;
    /// a solver failure is added as "(the simulation stopped at 12 h: …)".
    public static func sentence(_ arm: RunData.Arm) -> String {
        "\(arm.name): " + phrase(arm)
    }

    /// The part after the arm's name.
    public static func phrase(_ arm: RunData.Arm) -> String {
        let ev = events(arm)
        var s = ev.isEmpty ? "none" : ev.map { e in
            e.phrase == "diarrhea still going after 48 h" ? e.phrase : "\(e.phrase) at \(RunFigures.hours(e.hours))"
        }.joined(separator: ", ")
        if let status = arm.summary["status"], !status.isEmpty, status != "success" {
            let at = arm.number("failure_time_h").map { " at \(RunFigures.hours($0))" } ?? ""
            s += " (the simulation stopped\(at): \(arm.summary["failure_reason"] ?? status))"
        }
        return s
    }
}
