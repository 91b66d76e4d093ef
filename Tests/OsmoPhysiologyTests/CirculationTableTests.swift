import Testing
@testable import OsmoPhysiology

/// The baroreflex drive is read from a per-patient table (quintic Hermite, C²) (Circulation.swift): it must equal the direct solve
/// to far below the solver's tolerance everywhere in the table, and exactly at rest.
@Suite struct CirculationTableTests {
    @Test(arguments: [Patient.adult, Patient.child])
    func tableMatchesTheSolve(patient: Patient) {
        let p = ModelParameters()
        let c = CirculationConstants(patient: patient, plasma0: patient.plasmaFraction * patient.weightKg, p)
        func solved(_ x: Double) -> Double { c.loop.solveDrive(x: x).0 }
        var worst = 0.0, worstX = 0.0
        // Off the nodes (odd multiples of a 1/3 of the spacing) from x = 0.11 to 1.59, and beyond the table.
        var x = 0.11
        while x < 1.7 {
            let e = abs(c.drive(x: x) - solved(x))
            if e > worst { worst = e; worstX = x }
            x += CirculationConstants.tableStep / 3
        }
        #expect(worst < 1e-10, "table vs solve: \(worst) at x = \(worstX) (s \(solved(worstX)), table \(c.drive(x: worstX)))")
        #expect(c.drive(x: 1) == solved(1))
        #expect(abs(c.drive(x: 1)) < 1e-12)
    }
}
