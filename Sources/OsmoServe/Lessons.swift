/// The eight lessons of `Docs/teaching.md` as page presets: which shipped scenario to load, what to
/// look at, and (lesson 5) the one switch to flip.
public struct Lesson: Encodable, Sendable {
    public var number: Int
    public var question: String
    /// A name of ``ShippedScenarios/names``.
    public var scenario: String
    public var look: String
    /// Mechanism switches to set after loading (`mechanisms.<key>`), if any.
    public var mechanisms: [String: Bool] = [:]
}

public enum Lessons {
    public static let all: [Lesson] = [
        Lesson(number: 1, question: "Why do my legs ache when I have a stomach bug?", scenario: "endotoxin-challenge",
               look: "Figure 4: TNF rises first, IL-6 follows, IL-10 switches it off; figure 5: the ache follows the same hump while the cramp score stays at zero. Then load the norovirus lesson: the ache is the same in every arm — no drink changes it."),
        Lesson(number: 2, question: "Why do my legs cramp?", scenario: "water-only",
               look: "Figure 3: with plain water, Na and K fall out of their green ranges; ORS keeps them inside. Figure 5: the cramp score climbs with water, the ache panel stays flat. Cramps come from the salts."),
        Lesson(number: 3, question: "Why not a sports drink?", scenario: "norovirus-adult",
               look: "Figure 1: the sports-drink line sits above ORS (more weight lost). Figure 6: much more stool — unabsorbed sugar holds water in the gut. Try halving or doubling the sports drink's sodium."),
        Lesson(number: 4, question: "Is plain water enough?", scenario: "water-only",
               look: "Figures 1 and 6: the weight loss is similar; figure 3: sodium falls far below normal with water; figure 2: water moves into the cells while plasma shrinks."),
        Lesson(number: 5, question: "Why does fever make dehydration worse?", scenario: "norovirus-adult",
               look: "Figure 4: the temperature rises as the cytokines peak; figure 6: invisible losses grow while the fever lasts. Switch `inflammation` off and on to see the size of the fever effect; try the child (rotavirus) too.",
               mechanisms: [:]),
        Lesson(number: 6, question: "When should I see a doctor?", scenario: "cholera-adult",
               look: "The warning signs, in the order they appear: untreated cholera reaches the dehydration signs within the first day. The iv-then-ors arm, too sick to drink until it arrives at hour 20 severely dehydrated, shows why a drip comes first."),
        Lesson(number: 7, question: "Why does paracetamol ease the ache but not the cramps?", scenario: "campylobacter-adult",
               look: "Figure 5: ORS lowers the cramp score but not the ache; paracetamol or ibuprofen lowers the ache and (figure 4) the fever below 102 °F, and leaves the cramps where ORS put them. The warning signs add blood in the stool and severe abdominal pain, which no medicine here changes."),
        Lesson(number: 8, question: "What are the signs of dehydration at the bedside?", scenario: "cholera-adult",
               look: "Figure 7: as untreated cholera drains the plasma, the pulse rises, the pressure holds and then falls, and standing up makes the pulse jump (dizziness) before any sign shows lying down; the urine dwindles. The ORS arms keep pulse and pressure near normal."),
    ]
}
