import ArgumentParser
import OsmoServe

/// `osmo serve [SCENARIO.yaml]`: the interactive teaching page (Docs/SERVE.md).
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the interactive teaching page: change the patient, illness and drinks and see every figure move.",
        discussion: """
            One page and a small JSON API (Docs/SERVE.md), served by this binary: nothing is fetched from the \
            network. Binds 127.0.0.1 unless --host says otherwise. The shipped scenarios come from Scenarios/.
            """)

    @Argument(help: "A scenario file to start from (default: the shipped norovirus-adult).")
    var scenario: String?

    @Option(name: .long, help: "Port to listen on.")
    var port: Int = 8080

    @Option(name: .long, help: "Address to bind (0.0.0.0 makes the page reachable from the network).")
    var host: String = "127.0.0.1"

    @Flag(name: .long, help: "Open the page in the desktop's browser.")
    var open = false

    func run() throws {
        var settings = ServeSettings()
        settings.host = host
        settings.port = port
        let shipped = ShippedScenarios(directory: ShippedScenarios.findDirectory(), start: scenario)
        if let scenario, shipped.entries.first?.name != ShippedScenarios.stem(scenario) {
            throw ValidationError("cannot serve \(scenario):" + shipped.problems.map { "\n  \($0)" }.joined())
        }
        guard !shipped.entries.isEmpty else {
            throw ValidationError("no scenario to serve: run from the osmo folder (with Scenarios/) or give SCENARIO.yaml"
                + shipped.problems.map { "\n  \($0)" }.joined())
        }
        try ServeServer.runBlocking(settings: settings, shipped: shipped, open: open)
    }
}
