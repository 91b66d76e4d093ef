import Foundation
import OsmoScenario

/// The scenarios the page can load, by name from a fixed list, read once at start-up.
/// A request names one of these; it can never name a file.
public struct ShippedScenarios: Sendable {
    /// The shipped files of `Scenarios/`, in the order the picker shows them.
    public static let names = ["norovirus-adult", "rotavirus-child", "cholera-adult", "water-only", "endotoxin-challenge",
                               "campylobacter-adult"]

    public struct Entry: Sendable {
        public var name: String
        public var title: String
        public var description: String
        /// The scenario as JSON (same schema as the YAML).
        public var json: String
    }

    /// In picker order; the first is the one the page starts with.
    public private(set) var entries: [Entry] = []
    /// Files that could not be read or are invalid (printed at start-up).
    public private(set) var problems: [String] = []

    /// Reads `names` from `directory`, and `start` (a scenario file given on the command line) first when set.
    public init(directory: String?, start: String? = nil) {
        if let start { add(path: start, name: Self.stem(start)) }
        if let directory {
            for n in Self.names where !entries.contains(where: { $0.name == n }) { add(path: directory + "/" + n + ".yaml", name: n) }
        }
    }

    mutating func add(path: String, name: String) {
        switch ScenarioDocument.load(path: path) {
        case .failure(let e): problems += e.issues.map(\.description)
        case .success(let doc):
            switch ScenarioValidator(document: doc).validate() {
            case .failure(let e): problems += e.issues.map(\.description)
            case .success(let s):
                entries.append(Entry(name: name, title: s.name, description: s.description, json: ScenarioJSON.json(doc.root)))
            }
        }
    }

    public func entry(named name: String) -> Entry? { entries.first { $0.name == name } }

    /// The name a scenario file is listed under: its file name without `.yaml`.
    public static func stem(_ path: String) -> String { URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent }

    /// The first directory holding the shipped scenarios: `./Scenarios`, or beside the executable
    /// (`.build/release/osmo` → the package's `Scenarios/`).
    public static func findDirectory(executable: String = CommandLine.arguments.first ?? "") -> String? {
        let exe = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        var candidates = [FileManager.default.currentDirectoryPath + "/Scenarios"]
        var dir = exe
        for _ in 0..<5 {
            candidates.append(dir.appendingPathComponent("Scenarios").path)
            dir = dir.deletingLastPathComponent()
        }
        return candidates.first { FileManager.default.fileExists(atPath: $0 + "/" + names[0] + ".yaml") }
    }
}
