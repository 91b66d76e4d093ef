import OsmoODE
import OsmoPhysiology

/// A checked scenario: typed, in canonical units (h, L, kg), every time inside the run.
/// Built only by ``ScenarioValidator``; turned into one ``SimulationProblem`` per arm by ``problem(for:)``.
public struct Scenario: Sendable {
    /// The file it came from (for messages and the default output directory).
    public var file: String
    public var name: String
    public var description: String
    public var patient: Patient
    public var illness: Illness
    public var mechanisms: Mechanisms
    /// h
    public var durationH: Double
    /// h
    public var sampleIntervalH: Double
    public var solver: SolverOptions
    /// Parameter overrides for every arm, by documented name.
    public var overrides: [String: Double]
    public var arms: [Arm]

    /// One arm: a named set of interventions (and its own parameter overrides).
    public struct Arm: Sendable {
        public var name: String
        public var description: String
        public var drinks: [OralDrink]
        public var infusions: [Infusion]
        public var vomiting: [Vomit]
        /// Fever medicines (issue 12).
        public var medicines: [MedicineCourse] = []
        /// Overrides by documented name, applied over the scenario's.
        public var overrides: [String: Double]

        public init(name: String, description: String = "", drinks: [OralDrink] = [], infusions: [Infusion] = [],
                    vomiting: [Vomit] = [], overrides: [String: Double] = [:]) {
            self.name = name
            self.description = description
            self.drinks = drinks
            self.infusions = infusions
            self.vomiting = vomiting
            self.overrides = overrides
        }
    }

    /// The simulation problem of one arm: the scenario's patient, illness, mechanisms, duration,
    /// sampling and solver, with the arm's interventions and the merged overrides (arm wins).
    public func problem(for arm: Arm) -> SimulationProblem {
        var merged = overrides
        for (k, v) in arm.overrides { merged[k] = v }
        var problem = SimulationProblem(
            patient: patient, overrides: merged, illness: illness, mechanisms: mechanisms, drinks: arm.drinks,
            infusions: arm.infusions, vomiting: arm.vomiting, durationH: durationH, sampleIntervalH: sampleIntervalH,
            solver: solver)
        problem.medicines = arm.medicines
        return problem
    }

    /// The problems of every arm, in file order.
    public var problems: [SimulationProblem] { arms.map(problem(for:)) }
}
