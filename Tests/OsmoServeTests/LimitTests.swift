import Foundation
import Hummingbird
import HummingbirdTesting
import OsmoScenario
import Testing
@testable import OsmoServe

@Suite struct ValidationTests {
    @Test func validationErrorsComeBackWithTheirPaths() async throws {
        let body = flagship { o in
            o["duration"] = "72 parsecs"
            var arms = o["arms"] as! [[String: Any]]
            var iv = (arms[1]["interventions"] as! [[String: Any]])[0]
            iv["volume"] = "-5 mL"
            arms[1]["interventions"] = [iv]
            o["arms"] = arms
        }
        try await withServer { client in
            let r = try await post(client, "/api/run", body)
            #expect(r.status == .badRequest)
            #expect(r.issuePaths.contains("duration"), "\(r.text)")
            #expect(r.issuePaths.contains("arms[1].interventions[0].volume"), "\(r.text)")
            // The validator's own wording: `field.path: what is wrong (expected …)`.
            #expect(r.issueTexts.contains { $0.hasPrefix("arms[1].interventions[0].volume: ") && $0.contains("(expected") }, "\(r.issueTexts)")
        }
    }

    @Test func unknownFieldsWrongTypesAndDuplicates() async throws {
        try await withServer { client in
            let unknown = try await post(client, "/api/run", flagship { $0["patiennt"] = "adult" })
            #expect(unknown.status == .badRequest)
            #expect(unknown.issueTexts.contains { $0.hasPrefix("patiennt: unknown key") }, "\(unknown.text)")

            let nested = try await post(client, "/api/run", flagship { $0["mechanisms"] = ["thrist": false] })
            #expect(nested.issuePaths == ["mechanisms.thrist"], "\(nested.text)")

            let wrongType = try await post(client, "/api/run", flagship { $0["arms"] = ["name": "x"] })
            #expect(wrongType.status == .badRequest && wrongType.issuePaths == ["arms"], "\(wrongType.text)")

            let number = try await post(client, "/api/run", flagship { $0["duration"] = 72 })
            #expect(number.issueTexts.first?.hasPrefix("duration: ") == true, "\(number.text)")

            let dup = try await post(client, "/api/run", #"{"name":"a","patient":{"preset":"adult","weight":"60 kg","weight":"61 kg"}}"#)
            #expect(dup.status == .badRequest)
            #expect(dup.issuePaths == ["patient.weight"], "\(dup.text)")
            #expect(dup.issueTexts.first?.contains("duplicate key") == true)
        }
    }

    @Test func malformedBodies() async throws {
        try await withServer { client in
            for body in ["", "{", "{\"name\": }", "[1, 2]", "\"adult\"", "name: yaml-not-json", "{\"a\":1,}", "nan",
                         String(repeating: "[", count: 10_000), "{\"name\": \"\u{0}\"}", "{\"<<\": 1}",
                         "{\"<<\": {\"name\": \"x\"}}", "{\"name\": \"\\ud800\"}", "\u{FEFF}{}"] {
                let r = try await post(client, "/api/run", body)
                #expect(r.status == .badRequest, "\(body.prefix(30)): \(r.status)")
                #expect(r.object["error"] is String, "\(body.prefix(30))")
            }
            // Balanced nesting as deep as the body limit allows: refused, no stack overflow.
            let balanced = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
            let b = try await post(client, "/api/run", balanced)
            #expect(b.status == .badRequest, "\(b.text.prefix(200))")
            let objects = "{\"name\":" + String(repeating: "{\"a\":", count: 20_000) + "1" + String(repeating: "}", count: 20_001)
            let o = try await post(client, "/api/run", objects)
            #expect(o.status == .badRequest, "\(o.text.prefix(200))")
            let deep = String(repeating: "{\"a\":", count: 40) + "1" + String(repeating: "}", count: 40)
            let r = try await post(client, "/api/run", deep)
            #expect(r.status == .badRequest && r.issueTexts.first?.contains("nested more than") == true, "\(r.text)")
        }
    }

    @Test func scenarioLimitsOfOsmoCheckAndTheServersOwn() async throws {
        try await withServer { client in
            let long = try await post(client, "/api/run", flagship { $0["duration"] = "61 d" })
            #expect(long.status == .badRequest && long.issuePaths == ["duration"], "\(long.text)")
            let dense = try await post(client, "/api/run", flagship { $0["sample_every"] = "1 s" })
            #expect(dense.status == .badRequest && dense.issuePaths == ["sample_every"], "\(dense.text)")
        }
    }
}

@Suite struct LimitTests {
    @Test func bodiesOver256KBAre413() async throws {
        try await withServer { client in
            let big = flagship { $0["description"] = String(repeating: "x", count: 300 * 1024) }
            let r = try await post(client, "/api/run", big)
            #expect(r.status == .contentTooLarge, "\(r.status)")
            #expect(r.object["error"] as? String == "request body is larger than 256 KB")
            let y = try await post(client, "/api/yaml", big)
            #expect(y.status == .contentTooLarge)
        }
    }

    @Test func beyondTheConcurrencyLimitIs503WithRetryAfter() async throws {
        var s = testSettings
        s.maxConcurrentRuns = 1
        s.maxWaitingRuns = 0
        let slow = flagshipJSON   // four at once: the first holds the only slot while the others arrive
        try await withServer(s) { client in
            let statuses = try await withThrowingTaskGroup(of: (HTTPResponse.Status, String?).self) { g in
                for _ in 0..<4 {
                    g.addTask { let r = try await post(client, "/api/run", slow); return (r.status, r.headers[.retryAfter]) }
                }
                return try await g.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0.0 == .ok }.count >= 1, "\(statuses)")
            let busy = statuses.filter { $0.0 == .serviceUnavailable }
            #expect(busy.count >= 1, "\(statuses)")
            #expect(busy.allSatisfy { $0.1 == "1" })
        }
    }

    /// One slot and a queue: four at once all get their answer, one after another; a queue whose
    /// wait is too short for a run answers 503.
    @Test func busyRequestsWaitInAShortQueue() async throws {
        var s = testSettings
        s.maxConcurrentRuns = 1
        s.maxWaitingRuns = 8
        s.maxWaitS = 120
        let all = try await withServer(s) { client in
            try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { g in
                for _ in 0..<4 { g.addTask { try await post(client, "/api/csv?file=summary", flagshipJSON).status } }
                return try await g.reduce(into: []) { $0.append($1) }
            }
        }
        #expect(all == [.ok, .ok, .ok, .ok])
        s.maxWaitS = 0.001
        let some = try await withServer(s) { client in
            try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { g in
                for _ in 0..<4 { g.addTask { try await post(client, "/api/csv?file=summary", flagshipJSON).status } }
                return try await g.reduce(into: []) { $0.append($1) }
            }
        }
        #expect(some.contains(.ok) && some.contains(.serviceUnavailable), "\(some)")
    }

    @Test func runsOverTheTimeLimitAre504() async throws {
        var s = testSettings
        s.runTimeLimitS = 0.001
        try await withServer(s) { client in
            let r = try await post(client, "/api/run", flagshipJSON)
            #expect(r.status == .gatewayTimeout, "\(r.status)")
            #expect((r.object["error"] as? String)?.contains("time limit") == true)
        }
    }

    @Test func concurrentRequestsAllAnswerTheSame() async throws {
        var s = testSettings
        s.maxConcurrentRuns = 16
        try await withServer(s) { client in
            let bodies = try await withThrowingTaskGroup(of: String.self) { g in
                for _ in 0..<8 { g.addTask { try await post(client, "/api/csv?file=summary", flagshipJSON).text } }
                return try await g.reduce(into: []) { $0.append($1) }
            }
            #expect(bodies.count == 8 && Set(bodies).count == 1)
        }
    }

    /// A page's older edit is dropped once a newer one from the same page has arrived.
    @Test func anOverstakenEditIsDropped() async throws {
        try await withServer { client in
            let h2: HTTPFields = [ServeRouter.clientHeader: "page-1", ServeRouter.seqHeader: "2"]
            let h1: HTTPFields = [ServeRouter.clientHeader: "page-1", ServeRouter.seqHeader: "1"]
            let newer = try await post(client, "/api/run", flagshipJSON, headers: h2)
            let older = try await post(client, "/api/run", flagshipJSON, headers: h1)
            let anonymous = try await post(client, "/api/run", flagshipJSON)
            #expect(newer.status == .ok)
            #expect(older.status == .conflict)
            #expect(anonymous.status == .ok)
        }
    }
}
