import Foundation
import Testing
@testable import OsmoPhysiology

/// MODEL.md's parameter table is generated from `ModelParameters.catalog`, so the two cannot drift.
@Suite struct ModelDocTests {
    static var path: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("MODEL.md").path
    }

    static func table() -> String {
        let defaults = ModelParameters()
        var out = "| name | value | unit | meaning | source |\n|---|---|---|---|---|\n"
        for info in ModelParameters.catalog {
            out += "| `\(info.name)` | \(defaults[keyPath: info.keyPath]) | \(info.unit) | \(info.meaning) | \(info.source) |\n"
        }
        return out
    }

    @Test func everyParameterHasAUnitAndASource() {
        for info in ModelParameters.catalog {
            #expect(!info.unit.isEmpty && !info.source.isEmpty && !info.meaning.isEmpty, "\(info.name)")
            #expect(info.range.contains(ModelParameters()[keyPath: info.keyPath]), "\(info.name) default outside its range")
        }
        #expect(Set(ModelParameters.catalog.map(\.name)).count == ModelParameters.catalog.count)
    }

    @Test func modelDocTableIsCurrent() throws {
        let text = try String(contentsOfFile: Self.path, encoding: .utf8)
        let begin = "<!-- BEGIN GENERATED PARAMETERS -->\n", end = "<!-- END GENERATED PARAMETERS -->"
        guard let b = text.range(of: begin), let e = text.range(of: end) else {
            Issue.record("MODEL.md lacks the generated-parameter markers"); return
        }
        if ProcessInfo.processInfo.environment["OSMO_WRITE_MODEL_DOC"] == "1" {
            try (String(text[..<b.upperBound]) + Self.table() + String(text[e.lowerBound...]))
                .write(toFile: Self.path, atomically: true, encoding: .utf8)
            return
        }
        #expect(String(text[b.upperBound..<e.lowerBound]) == Self.table(), "MODEL.md parameter table is out of date")
    }
}
