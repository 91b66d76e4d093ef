import Foundation
import Hummingbird
import HummingbirdTesting
import OsmoReport
import OsmoScenario
import Testing
@testable import OsmoServe

@Suite struct RouteTests {
    @Test func pageIsServedWithNothingFromElsewhere() async throws {
        try await withServer { client in
            let r = try await client.execute(uri: "/", method: .get)
            #expect(r.status == .ok)
            #expect(r.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(r.text.contains("id=\"figures\""))
            #expect(r.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
            // No CDN, no remote fetch: no http(s) address in the page at all.
            #expect(!r.text.contains("http://") && !r.text.contains("https://"))
        }
    }

    @Test func fluidsScenariosAndLessons() async throws {
        try await withServer { client in
            let f = try await client.execute(uri: "/api/fluids", method: .get)
            #expect(f.status == .ok)
            let fluids = try #require(try JSONSerialization.jsonObject(with: Data(f.text.utf8)) as? [[String: Any]])
            #expect(fluids.contains { $0["name"] as? String == "who-ors" && $0["sodium"] as? Double == 75 })

            let s = try await client.execute(uri: "/api/scenarios", method: .get)
            let list = try #require(try JSONSerialization.jsonObject(with: Data(s.text.utf8)) as? [[String: Any]])
            #expect(list.compactMap { $0["name"] as? String } == ShippedScenarios.names)

            let one = try await client.execute(uri: "/api/scenarios/water-only", method: .get)
            #expect(one.status == .ok && one.object["name"] as? String == "water-only")

            let l = try await client.execute(uri: "/api/lessons", method: .get)
            let lessons = try #require(try JSONSerialization.jsonObject(with: Data(l.text.utf8)) as? [[String: Any]])
            #expect(lessons.count == 8)
            for lesson in lessons { #expect(ShippedScenarios.names.contains(lesson["scenario"] as? String ?? "")) }
        }
    }

    @Test func noFileCanBeNamed() async throws {
        try await withServer { client in
            for uri in ["/api/scenarios/..%2F..%2Fetc%2Fpasswd", "/api/scenarios/%2Fetc%2Fpasswd", "/api/scenarios/norovirus-adult.yaml",
                        "/api/scenarios/sweeps", "/etc/passwd", "/api/nothing"] {
                let r = try await client.execute(uri: uri, method: .get)
                #expect(r.status == .notFound, "\(uri)")
                #expect(r.object["error"] is String, "\(uri): \(r.text)")
            }
        }
    }

    @Test func everyShippedScenarioRunsThroughTheAPI() async throws {
        try await withServer { client in
            for name in ShippedScenarios.names {
                let r = try await post(client, "/api/run", shipped.entry(named: name)!.json)
                #expect(r.status == .ok, "\(name): \(r.text.prefix(300))")
                #expect((r.object["figures"] as? [Any])?.count == 7, "\(name)")
            }
        }
    }

    /// The API's summary for the flagship is `osmo run`'s, cell for cell (same validator, same runner).
    @Test func flagshipSummaryEqualsTheRunner() async throws {
        let scenario = try ScenarioValidator.load(path: packageRoot + "/Scenarios/norovirus-adult.yaml").get()
        let expected = ScenarioRunner.run(scenario).map { Dictionary(uniqueKeysWithValues: zip(SummaryWriter.columns, SummaryWriter.cells($0.summary))) }
        let figures = RunFigures.all(RunData(name: scenario.name, results: ScenarioRunner.run(scenario)))
        try await withServer { client in
            let r = try await post(client, "/api/run", flagshipJSON)
            #expect(r.status == .ok)
            let report = try JSONDecoder().decode(RunReport.self, from: Data(r.text.utf8))
            #expect(report.arms.map(\.name) == ["untreated", "ors", "sports-drink"])
            #expect(report.arms.map(\.summary) == expected)
            #expect(report.figures.map(\.file) == figures.map(\.fileName))
            #expect(report.figures.map(\.svg) == figures.map { $0.figure.svg().render(standalone: false) })
        }
    }

    @Test func csvIsWhatOsmoRunWrites() async throws {
        let scenario = try ScenarioValidator.load(path: packageRoot + "/Scenarios/norovirus-adult.yaml").get()
        let results = ScenarioRunner.run(scenario)
        var series = Array(TimeseriesWriter.header.utf8)
        for r in results { series += r.rows }
        let ts = series
        try await withServer { client in
            let t = try await post(client, "/api/csv?file=timeseries", flagshipJSON)
            #expect(t.status == .ok && t.headers[.contentType]?.hasPrefix("text/csv") == true)
            #expect(Array(t.body.readableBytesView) == ts)
            let s = try await post(client, "/api/csv?file=summary", flagshipJSON)
            #expect(Array(s.body.readableBytesView) == SummaryWriter.encode(results.map(\.summary)))
            let bad = try await post(client, "/api/csv?file=..%2Fsecret", flagshipJSON)
            #expect(bad.status == .badRequest)
        }
    }

    /// The downloaded YAML validates to the same scenario: the same summary as the JSON it came from.
    @Test func yamlDownloadReproducesTheRun() async throws {
        let edited = flagship { o in
            o["patient"] = ["preset": "adult", "weight": "55 kg"]
            var arms = o["arms"] as! [[String: Any]]
            var iv = (arms[2]["interventions"] as! [[String: Any]])[0]
            iv["drink"] = ["name": "salty", "sodium": 45, "potassium": 20, "chloride": 35, "citrate": 10, "glucose": 111]
            arms[2]["interventions"] = [iv]
            o["arms"] = arms
        }
        try await withServer { client in
            let y = try await post(client, "/api/yaml", edited)
            #expect(y.status == .ok, "\(y.text)")
            let fromYAML = try ScenarioValidator.validate(text: y.text).get()
            let fromJSON = try ScenarioJSON.scenario(body: Array(edited.utf8)).get()
            #expect(fromYAML.patient.weightKg == 55)
            #expect(ScenarioRunner.run(fromYAML).map(\.summary) == ScenarioRunner.run(fromJSON).map(\.summary))
            #expect(!y.text.contains("{"), "block style YAML:\n\(y.text)")
        }
    }
}
