// Issue 12: invasive bacterial enteritis presets (PHYSIOLOGY-2.md §6, cited "P2 §6").
//
// The three differ by physiology, not by tuned outcomes: where and how deeply they invade
// (`mucosalInflammation`, `mucosalInvasion`), how much they secrete and with what stool, how much reaches the blood
// (`inflammatoryPotency`, small: plasma cytokines ~100× below stool, Raqib 1995), and their course.
// Fever, ache, blood in the stool, abdominal pain and CRP then follow from the shared equations.

extension StoolComposition {
    /// Inflammatory (invasive) diarrhoea: no published electrolyte table was found; taken as the
    /// non-cholera row of Harris 2012 (like the viral diarrhoeas).
    public static let invasiveBacterial = StoolComposition(sodium: 50, potassium: 35, chloride: 25, bicarbonate: 20)
}

extension Pathogen {
    /// *Campylobacter jejuni*: incubation 2–4 d; a febrile prodrome, then diarrhoea (often bloody),
    /// cramps and fever; persists > 1 week in 10–20 % (Harrison's 19e, P2 §6). Dysentery in about half.
    /// The run starts at the end of incubation.
    public static let campylobacter = Pathogen(
        name: "campylobacter", peakTimeH: 36, shape: 2.0, peakSecretionMLPerKgH: 1.2, stool: .invasiveBacterial,
        nheInhibition: 0.4, inflammatoryPotency: 0.05, absorptionInjury: 0.3, mucosalInflammation: 1.0, mucosalInvasion: 1.0, typicalDurationH: 144,
        source: "Harrison's 19e (P2 §6): incubation 2–4 d, prodrome then bloody diarrhoea, cramps, fever; Emberland 2022: abdominal pain 89 %, fever 64 %, bloody stool 14 % (self-report); dysentery ≈ 50 % (Pharmacotherapy Principles)")
    /// Non-typhoidal *Salmonella*: incubation median 45 h (12–96 h); fever usually 38–39 °C; diarrhoea
    /// 24–72 h, recovery in 3–7 d (Eikmeier 2018; clinical descriptions, P2 §6). Inflammatory ileocolitis,
    /// less ulcerating than Campylobacter or Shigella: blood in the stool is uncommon.
    public static let salmonella = Pathogen(
        name: "salmonella", peakTimeH: 24, shape: 2.5, peakSecretionMLPerKgH: 2.5, stool: .invasiveBacterial,
        nheInhibition: 0.5, inflammatoryPotency: 0.1, absorptionInjury: 0.3, mucosalInflammation: 0.5, mucosalInvasion: 0.5, typicalDurationH: 96,
        source: "Eikmeier, Medus & Smith, Epidemiol Infect 2018 (incubation); fever 38–39 °C, diarrhoea 24–72 h, recovery 3–7 d (secondary, P2 §6); serum TNF, IL-10 raised (Scand J Infect Dis, P2 §6)")
    /// *Shigella* (S. flexneri / sonnei): colonic invasion, small frequent bloody stools (dysentery),
    /// abdominal pain 70–93 %, fever 30–40 % (UpToDate, P2 §6); serum IL-6 median 5 pg/mL when uncomplicated
    /// (de Silva 1993). Severity 2 reaches *S. dysenteriae* type 1 (grossly bloody 78 % vs 33 %, median
    /// 25 vs 11 stools a day: Khan, Griffiths & Bennish 2013).
    public static let shigella = Pathogen(
        name: "shigella", peakTimeH: 30, shape: 2.0, peakSecretionMLPerKgH: 1.0, stool: .invasiveBacterial,
        nheInhibition: 0.4, inflammatoryPotency: 0.02, absorptionInjury: 0, mucosalInflammation: 0.8, mucosalInvasion: 1.0, typicalDurationH: 120,
        source: "UpToDate (Agha & Goldberg 2016): fever 30–40 %, abdominal pain 70–93 %; Khan, Griffiths & Bennish, PLoS One 2013; de Silva et al., Gut 1993 (serum IL-6); Raqib et al., J Infect Dis 1995 (plasma ~100× below stool)")

    /// The invasive bacteria, in the order listed by `osmo` and the scenario format.
    public static let invasiveBacteria: [Pathogen] = [.campylobacter, .salmonella, .shigella]
}
