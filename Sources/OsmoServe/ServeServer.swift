import Foundation
import Hummingbird
import Synchronization

/// Starts `osmo serve`: the router on a Hummingbird application, bound as ``ServeSettings`` says.
public enum ServeServer {
    /// Builds the application. `onRunning` gets the port actually bound (useful with port 0).
    public static func application(engine: ServeEngine, onRunning: @escaping @Sendable (Int) -> Void = { _ in })
        -> some ApplicationProtocol
    {
        // Hummingbird's own log: warnings only, unless LOG_LEVEL says otherwise.
        if ProcessInfo.processInfo.environment["LOG_LEVEL"] == nil { setenv("LOG_LEVEL", "warning", 1) }
        let s = engine.settings
        return Application(
            router: ServeRouter.make(engine: engine),
            // An idle connection (a closed laptop, a stalled client) is closed after a minute.
            server: .http1(configuration: .init(idleTimeout: .seconds(Int64(s.idleTimeoutS)))),
            configuration: ApplicationConfiguration(
                address: .hostname(s.host, port: s.port), serverName: "osmo"),
            onServerRunning: { channel in onRunning(channel.localAddress?.port ?? s.port) })
    }

    /// What `osmo serve` prints once it listens.
    public static func banner(_ s: ServeSettings, port: Int, shipped: ShippedScenarios) -> String {
        let shownHost = s.host.contains(":") ? "[\(s.host)]" : s.host
        var text = "osmo serve: http://\(shownHost):\(port)/  (\(shipped.entries.count) scenarios; Ctrl-C stops)\n"
        if s.isNetworkReachable {
            text += "osmo serve: bound to \(s.host): reachable from the network, by anyone who can reach this machine\n"
        }
        for p in shipped.problems { text += "osmo serve: skipped: \(p)\n" }
        return text
    }

    /// Runs until SIGINT or SIGTERM. Blocks the calling (non-async) thread; `open` starts the
    /// desktop's browser on the page once the server listens.
    public static func runBlocking(settings: ServeSettings, shipped: ShippedScenarios, open: Bool) throws {
        let engine = ServeEngine(settings: settings, shipped: shipped)
        let failure = Mutex<String?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                let app = application(engine: engine) { port in
                    FileHandle.standardOutput.write(Data(banner(settings, port: port, shipped: shipped).utf8))
                    if open { openBrowser("http://\(settings.host == "0.0.0.0" ? "127.0.0.1" : settings.host):\(port)/") }
                }
                try await app.runService()
            } catch {
                failure.withLock { $0 = "osmo serve: \(error)" }
            }
            done.signal()
        }
        done.wait()
        if let f = failure.withLock({ $0 }) { throw ServeStartError(description: f) }
    }

    public struct ServeStartError: Error, CustomStringConvertible { public var description: String }

    static func openBrowser(_ url: String) {
        for tool in ["/usr/bin/xdg-open", "/usr/bin/open"] where FileManager.default.isExecutableFile(atPath: tool) {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: tool)
            p.arguments = [url]
            try? p.run()
            return
        }
        FileHandle.standardError.write(Data("osmo serve: --open: no xdg-open here; open \(url) yourself\n".utf8))
    }
}
