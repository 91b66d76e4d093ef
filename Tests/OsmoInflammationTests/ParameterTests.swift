import Testing
import OsmoInflammation

@Suite struct ParameterTests {
    @Test func namesAreUniqueAndRoundTrip() {
        let names = InflammationParameters.names
        #expect(Set(names).count == names.count)
        #expect(names.count >= 40)
        var p = InflammationParameters()
        for (i, name) in names.enumerated() {
            #expect(InflammationParameters.isKnown(name))
            let v = p[name]
            #expect(v != nil && v!.isFinite, "\(name)")
            p[name] = 1000 + Double(i)
        }
        for (i, name) in names.enumerated() { #expect(p[name] == 1000 + Double(i), "\(name) maps to a shared property") }
    }

    @Test func unknownNamesAreIgnored() {
        var p = InflammationParameters()
        #expect(!InflammationParameters.isKnown("no_such_parameter"))
        #expect(p["no_such_parameter"] == nil)
        p["no_such_parameter"] = 3
        #expect(p == InflammationParameters())
        p["il6_half_life_h"] = 1.0
        #expect(p.il6HalfLifeH == 1.0)
    }
}
