import Foundation
import Testing
import OsmoODE

/// The README's "Solving your own ODE" example, compiled and checked here so that it cannot rot:
/// `readmeShowsThisExample` fails when the README's code block and the code between the markers
/// below differ (after removing indentation).
@Suite struct ReadmeExampleTests {
    @Test func example() throws {
        // README example begin (the README's block adds `import OsmoODE` on top)
        /// Logistic growth `dy/dt = r·y·(1 − y/K)`: a population, or a drug effect saturating.
        struct Logistic: ODESystem {
            var r = 0.8          // per hour
            var capacity = 10.0  // K
            var dimension: Int { 1 }
            func derivatives(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
                dydt[0] = r * y[0] * (1 - y[0] / capacity)
            }
        }

        // Sample at t = 0, 1, …, 12; at t = 6 halve the population and the growth rate.
        let solution = try solve(
            Logistic(), from: 0, to: 12, initialState: [0.5],
            options: SolverOptions(stepper: .msbdf, absoluteTolerance: 1e-10, relativeTolerance: 1e-8),
            saveAt: (0...12).map(Double.init),
            events: [ODEEvent(time: 6) { system, y in y[0] /= 2; system.r /= 2 }])

        print(solution.status)                      // success
        print(solution.state(6))                    // the state just after the event at t = 6
        print(solution.component(0).last!)          // y at t = 12
        print(solution.statistics.rhsEvaluations)   // what it cost
        // README example end

        #expect(solution.status == .success)
        #expect(solution.times == (0...12).map(Double.init))
        // Closed form: y(t) = K / (1 + (K/y_s − 1) e^{−r (t − s)}) on each segment.
        func logistic(_ ys: Double, _ dt: Double, r: Double) -> Double { 10 / (1 + (10 / ys - 1) * exp(-r * dt)) }
        let y6 = logistic(0.5, 6, r: 0.8) / 2
        // Global errors of an adaptive BDF solution are tens of times the local tolerance
        // (rtol 1e-8 on y ≈ 9): 5e-6 absolute is 6e-7 relative.
        #expect(abs(solution.state(6)[0] - y6) < 5e-6)
        #expect(abs(solution.component(0).last! - logistic(y6, 6, r: 0.4)) < 5e-6)
        #expect(solution.statistics.resets == 1)
    }

    /// The README's code block is the code above.
    @Test func readmeShowsThisExample() throws {
        let here = URL(fileURLWithPath: #filePath)
        let root = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let source = try String(contentsOf: here, encoding: .utf8)

        func normalized(_ lines: some Sequence<Substring>) -> [String] {
            lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        let sourceLines = source.split(separator: "\n", omittingEmptySubsequences: false)
        let begin = try #require(sourceLines.firstIndex { $0.contains("// README example begin") })
        let end = try #require(sourceLines.firstIndex { $0.contains("// README example end") })
        let inTest = ["import OsmoODE"] + normalized(sourceLines[(begin + 1)..<end])

        let readmeLines = readme.split(separator: "\n", omittingEmptySubsequences: false)
        let marker = try #require(readmeLines.firstIndex { $0.contains("<!-- example: Tests/OsmoODETests/ReadmeExampleTests.swift -->") })
        let open = try #require(readmeLines[marker...].firstIndex { $0.hasPrefix("```swift") })
        let close = try #require(readmeLines[(open + 1)...].firstIndex { $0.hasPrefix("```") })
        let inReadme = normalized(readmeLines[(open + 1)..<close])
        #expect(inReadme == inTest)
    }
}
