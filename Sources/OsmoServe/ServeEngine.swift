import Foundation
import OsmoPhysiology
import OsmoScenario
import Synchronization

/// A failed request: its HTTP status, a message, and the scenario issues when there are any.
public struct ServeError: Error, Sendable {
    public var status: Int
    public var message: String
    public var issues: [ScenarioIssue] = []
    /// Seconds, for 503.
    public var retryAfterS: Int?

    /// `field.path: what is wrong (expected …)`, one per issue (the validator's lines without `FILE:LINE:`).
    public static func line(_ i: ScenarioIssue) -> String {
        "\(i.path): \(i.message)" + (i.expected.map { " (expected \($0))" } ?? "")
    }

    /// `{"error": …, "issues": [{path, line, message, expected, text}]}`.
    public var json: [UInt8] {
        struct Issue: Encodable { var path: String; var line: Int; var message: String; var expected: String?; var text: String }
        struct Body: Encodable { var error: String; var issues: [Issue] }
        let body = Body(error: message, issues: issues.map {
            Issue(path: $0.path, line: $0.line, message: $0.message, expected: $0.expected, text: Self.line($0))
        })
        return Array((try? JSONEncoder().encode(body)) ?? Data(#"{"error":"error"}"#.utf8))
    }
}

/// Everything `osmo serve` answers, without HTTP: the routes only move bytes in and out.
public final class ServeEngine: Sendable {
    public let settings: ServeSettings
    public let shipped: ShippedScenarios
    let gate: RunGate
    let latest = LatestRequests()

    public init(settings: ServeSettings, shipped: ShippedScenarios) {
        self.settings = settings
        self.shipped = shipped
        gate = RunGate(limit: settings.maxConcurrentRuns, maxWaiting: settings.maxWaitingRuns, maxWaitS: settings.maxWaitS)
    }

    /// A request's scenario, validated by ``ScenarioValidator`` plus the server's size limit.
    public func scenario(body: [UInt8]) throws(ServeError) -> (ScenarioDocument, Scenario) {
        if body.count > settings.maxBodyBytes {
            throw ServeError(status: 413, message: "request body is larger than \(settings.maxBodyBytes / 1024) KB")
        }
        let document: ScenarioDocument
        switch ScenarioJSON.document(body: body) {
        case .failure(let e): throw ServeError(status: 400, message: "invalid scenario", issues: e.issues)
        case .success(let d): document = d
        }
        switch ScenarioValidator(document: document).validate() {
        case .failure(let e): throw ServeError(status: 400, message: "invalid scenario", issues: e.issues)
        case .success(let s):
            let rows = s.arms.count * (Int((s.durationH / s.sampleIntervalH).rounded(.down)) + 1)
            if rows > settings.maxSampleRows {
                throw ServeError(status: 400, message: "invalid scenario", issues: [ScenarioIssue(
                    file: s.file, line: 1, path: "sample_every",
                    message: "\(s.arms.count) arms × \(rows / max(s.arms.count, 1)) samples is more than this server draws (\(settings.maxSampleRows) samples)",
                    expected: "a longer `sample_every`, a shorter `duration` or fewer arms")])
            }
            return (document, s)
        }
    }

    /// Runs `work` under the concurrency and time limits.
    func limited<T: Sendable>(_ work: @escaping @Sendable () -> T) async throws(ServeError) -> T {
        switch await gate.run(timeLimitS: settings.runTimeLimitS, work) {
        case .done(let v): return v
        case .busy:
            throw ServeError(status: 503, message: "the server is busy (\(gate.limit) runs at once, \(gate.maxWaiting) waiting); try again shortly",
                             retryAfterS: settings.retryAfterS)
        case .timedOut:
            throw ServeError(status: 504, message: "the run took longer than \(ServeSettings.seconds(settings.runTimeLimitS)) (the server's time limit)")
        }
    }

    /// `POST /api/run`: JSON of a ``RunReport``. `client` and `seq` (optional) name a page and its
    /// edit number: an edit older than one the same page already sent is dropped (409), and a run
    /// that is overtaken while it runs skips drawing its figures.
    public func run(body: [UInt8], client: String? = nil, seq: Int? = nil) async throws(ServeError) -> [UInt8] {
        let (_, scenario) = try scenario(body: body)
        let ticket = latest.register(client: client, seq: seq)
        if !latest.isCurrent(ticket) { throw ServeError(status: 409, message: "superseded by a newer edit") }
        let latest = self.latest
        let report = try await limited { RunReport.make(scenario, draw: { latest.isCurrent(ticket) }) }
        if report.figures.isEmpty { throw ServeError(status: 409, message: "superseded by a newer edit") }
        return Array((try? JSONEncoder().encode(report)) ?? Data())
    }

    /// `POST /api/csv?file=timeseries|summary`: the file `osmo run` would write for this scenario.
    public func csv(body: [UInt8], file: String) async throws(ServeError) -> [UInt8] {
        guard file == "timeseries" || file == "summary" else {
            throw ServeError(status: 400, message: "file: unknown CSV `\(file.prefix(40))` (expected `timeseries` or `summary`)")
        }
        let (_, scenario) = try scenario(body: body)
        return try await limited {
            let results = ScenarioRunner.run(scenario)
            if file == "summary" { return SummaryWriter.encode(results.map(\.summary)) }
            var out = Array(TimeseriesWriter.header.utf8)
            for r in results { out.append(contentsOf: r.rows) }
            return out
        }
    }

    /// `POST /api/yaml`: the scenario as YAML that `osmo run` accepts (validated first).
    public func yaml(body: [UInt8]) throws(ServeError) -> [UInt8] {
        let (document, scenario) = try scenario(body: body)
        do {
            return Array(try ScenarioJSON.yaml(document, comment: "\(scenario.name): saved from osmo serve; run it with `osmo run FILE.yaml`").utf8)
        } catch {
            throw ServeError(status: 500, message: "could not write YAML: \(error)")
        }
    }

    /// `GET /api/fluids`: the built-in fluid library (concentrations in mmol/L).
    public func fluids() -> [UInt8] {
        struct F: Encodable {
            var name, route, note: String
            var sodium, potassium, chloride, bicarbonate, citrate, magnesium, glucose, fructose, osmolarity: Double
        }
        let list = FluidLibrary.all.map {
            F(name: $0.name, route: $0.route.rawValue, note: $0.note, sodium: $0.sodium, potassium: $0.potassium,
              chloride: $0.chloride, bicarbonate: $0.bicarbonate, citrate: $0.citrate, magnesium: $0.magnesium,
              glucose: $0.glucose, fructose: $0.fructose, osmolarity: $0.osmolarity)
        }
        return Array((try? JSONEncoder().encode(list)) ?? Data("[]".utf8))
    }
}

extension ServeSettings {
    static func seconds(_ s: Double) -> String { s >= 1 ? "\(Int(s.rounded())) s" : "\(Int((s * 1000).rounded())) ms" }
}

/// The newest edit number each page has sent (a page names itself with a random id). Bounded:
/// forgets everything when it holds more than 1,000 pages.
final class LatestRequests: Sendable {
    struct Ticket: Sendable { var client: String?; var seq: Int }
    private let seqs = Mutex<[String: Int]>([:])

    func register(client: String?, seq: Int?) -> Ticket {
        guard let client, let seq, !client.isEmpty, client.count <= 64 else { return Ticket(client: nil, seq: 0) }
        seqs.withLock { m in
            if m.count > 1000 { m.removeAll() }
            m[client] = max(m[client] ?? seq, seq)
        }
        return Ticket(client: client, seq: seq)
    }

    func isCurrent(_ t: Ticket) -> Bool {
        guard let c = t.client else { return true }
        return seqs.withLock { ($0[c] ?? t.seq) <= t.seq }
    }
}
