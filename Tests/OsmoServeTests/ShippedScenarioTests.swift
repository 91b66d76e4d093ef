import Foundation
import OsmoScenario
import Testing
@testable import OsmoServe

@Suite struct ShippedScenarioListTests {
    @Test func everyShippedNameLoadsAndRoundTripsThroughJSON() throws {
        #expect(shipped.problems.isEmpty, "\(shipped.problems)")
        #expect(shipped.entries.map(\.name) == ShippedScenarios.names)
        for e in shipped.entries {
            // The page's JSON validates to the same arms as the YAML file.
            let fromJSON = try ScenarioJSON.scenario(body: Array(e.json.utf8)).get()
            let fromYAML = try ScenarioValidator.load(path: packageRoot + "/Scenarios/\(e.name).yaml").get()
            #expect(fromJSON.arms.map(\.name) == fromYAML.arms.map(\.name), "\(e.name)")
            #expect(fromJSON.problems.map(\.durationH) == fromYAML.problems.map(\.durationH))
        }
    }

    @Test func aScenarioGivenOnTheCommandLineComesFirst() throws {
        let s = ShippedScenarios(directory: packageRoot + "/Scenarios", start: packageRoot + "/Scenarios/cholera-adult.yaml")
        #expect(s.entries.first?.name == "cholera-adult")
        #expect(s.entries.map(\.name).sorted() == ShippedScenarios.names.sorted())
        let bad = ShippedScenarios(directory: nil, start: "/nonexistent/x.yaml")
        #expect(bad.entries.isEmpty && !bad.problems.isEmpty)
    }

    @Test func theBannerSaysWhenTheServerIsReachableFromTheNetwork() {
        var s = ServeSettings()
        #expect(!ServeServer.banner(s, port: 8080, shipped: shipped).contains("reachable from the network"))
        #expect(ServeServer.banner(s, port: 8080, shipped: shipped).hasPrefix("osmo serve: http://127.0.0.1:8080/"))
        s.host = "0.0.0.0"
        #expect(ServeServer.banner(s, port: 8080, shipped: shipped).contains("reachable from the network"))
    }
}
