import Foundation
import Hummingbird
import HummingbirdTesting
import OsmoScenario
@testable import OsmoServe

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// The shipped scenarios, read once.
let shipped = ShippedScenarios(directory: packageRoot + "/Scenarios")

/// The flagship as the page sends it: JSON with the YAML schema.
var flagshipJSON: String { shipped.entry(named: "norovirus-adult")!.json }

/// The server's limits with a time limit for debug builds on a loaded 2-core machine (a debug
/// flagship takes ~0.3 s alone; tests run in parallel).
let testSettings: ServeSettings = {
    var s = ServeSettings()
    s.runTimeLimitS = 120
    return s
}()

/// An in-process application over `engine` (HummingbirdTesting's router client).
func withServer<T: Sendable>(_ settings: ServeSettings = testSettings,
                             _ test: @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
    let engine = ServeEngine(settings: settings, shipped: shipped)
    let app = Application(router: ServeRouter.make(engine: engine))
    return try await app.test(.router) { client in try await test(client) }
}

func post(_ client: some TestClientProtocol, _ uri: String, _ body: String, headers: HTTPFields = [:]) async throws -> TestResponse {
    try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
}

extension TestResponse {
    var text: String { String(buffer: body) }
    var object: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:] }
    /// The `text` of every issue of an error answer.
    var issueTexts: [String] { (object["issues"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String } }
    var issuePaths: [String] { (object["issues"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String } }
}

/// `flagshipJSON` with `edit` applied to the parsed object.
func flagship(_ edit: (inout [String: Any]) -> Void) -> String {
    var o = try! JSONSerialization.jsonObject(with: Data(flagshipJSON.utf8)) as! [String: Any]
    edit(&o)
    return String(decoding: try! JSONSerialization.data(withJSONObject: o), as: UTF8.self)
}
