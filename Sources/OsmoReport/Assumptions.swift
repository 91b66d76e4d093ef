/// The model's main assumptions and omissions, in plain language, for the report and the teaching guide.
public enum ModelAssumptions {
    public static let items: [String] = [
        "One average person: body water in three compartments (plasma, interstitial fluid, cells) plus the stomach and gut; no separate organs. Blood is plasma plus a fixed red-cell volume; pulse and blood pressure come from a lumped baroreflex at its steady state (no heart disease, no fever tachycardia), with standing as blood pooled in the legs.",
        "Diarrhoea is an illness-driven secretion of salty fluid by the gut with a fixed composition per pathogen; its time course is a preset curve, not a simulated infection of gut cells.",
        "Drinks are absorbed in the gut by sodium–glucose co-transport, sodium–hydrogen exchange and osmosis; what is not absorbed leaves as stool. Sugary drinks with little salt pull water into the gut.",
        "The kidneys are regulated by ADH (vasopressin) and aldosterone, and filter less when plasma volume falls; thirst and usual eating and drinking are simple functions of the body's state.",
        "The immune response is a reduced cytokine model (TNF, IL-1β, IL-6, IL-10) calibrated to the human endotoxin challenge; fever and the aching-muscle (myalgia) score follow from it.",
        "The cramp score is a teaching index computed only from plasma potassium, magnesium, sodium and extracellular volume; it is not a measured clinical scale.",
        "Left out: calcium and phosphate, acid–base balance (bicarbonate is tracked, breathing compensation is not), vomiting other than scheduled episodes, kidney or heart disease, medicines, food, blood in the stool, chronic conditions such as inflammatory bowel disease, and vitamin deficiencies.",
        "Numbers are illustrations of mechanisms, not predictions for a particular person. This is not medical advice: see a doctor for the warning signs listed above.",
    ]
}
