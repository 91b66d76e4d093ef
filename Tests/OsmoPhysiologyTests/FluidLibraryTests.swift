import Testing
@testable import OsmoPhysiology

@Suite struct FluidLibraryTests {
    @Test func orsOsmolarities() throws {
        // WHO 2002 reduced-osmolarity ORS is 245 mOsm/L; the 1975 ORS 311 (PHYSIOLOGY.md §4a).
        #expect(abs(try #require(FluidLibrary.named("who-ors")).osmolarity - 245) < 1)
        #expect(abs(try #require(FluidLibrary.named("who-ors-1975")).osmolarity - 311) < 1)
    }

    @Test func everyRequiredFluidIsThere() {
        let required = ["water", "who-ors", "who-ors-1975", "pedialyte", "sports-drink", "cola", "apple-juice",
                        "half-apple-juice", "homemade-sugar-salt", "saline-0.9", "saline-0.45", "saline-3",
                        "ringer-lactate", "d5w"]
        for name in required { #expect(FluidLibrary.named(name) != nil, "missing \(name)") }
        #expect(Set(FluidLibrary.names).count == FluidLibrary.names.count)
    }

    @Test func compositionsArePhysical() {
        for f in FluidLibrary.all {
            for (field, v) in f.components { #expect(v >= 0, "\(f.name).\(field)") }
            #expect(!f.source.isEmpty, "\(f.name) has no source")
        }
    }
}
