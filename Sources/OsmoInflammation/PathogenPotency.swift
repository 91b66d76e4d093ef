// Suggested inflammatory potencies (the `inflammatoryPotency` argument of the derivatives).

/// Dimensionless innate-immune potency per unit pathogen load, relative to norovirus (= 1).
/// Chosen, not measured: they order pathogens by how febrile/systemic the illness is (6b).
/// These are the submodel's own plasma-only calibration values. Since issue 12 the fluid model's
/// presets (`Pathogen` in OsmoPhysiology) route most of a gut infection's fever through the mucosa and
/// use far smaller systemic potencies (norovirus and rotavirus 0.15): see MODEL.md §10b.
public enum PathogenPotency {
    /// Norovirus: low-grade fever, myalgia, malaise (6b, CDC). Reference, 1.0.
    public static let norovirus = 1.0
    /// Rotavirus: fever common in children; IL-6, IL-10 above controls, IL-6 higher with fever
    /// (6b, Jiang 2003). 1.2.
    public static let rotavirus = 1.2
    /// Enterotoxigenic E. coli: toxin-mediated secretory diarrhoea, modest inflammation. 0.8.
    public static let etec = 0.8
    /// Cholera: non-inflammatory secretory diarrhoea, usually afebrile. 0.2.
    public static let cholera = 0.2
}
