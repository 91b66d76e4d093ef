import ArgumentParser
import OsmoScenario

/// `osmo fluids`: the built-in fluid library.
struct Fluids: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fluids",
        abstract: "List the built-in drinks and IV fluids: composition, osmolarity, route and source.")

    func run() {
        print(ScenarioCommands.fluidsText(), terminator: "")
    }
}
