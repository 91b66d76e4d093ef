import Testing
@testable import OsmoScenario

@Suite struct QuantityTests {
    func value(_ s: String, _ d: Dimension) -> ScaledAmount? { try? Quantity.parse(s, as: d).get() }

    @Test func timesConvertToHours() {
        #expect(value("72 h", .time) == .absolute(72))
        #expect(value("30 min", .time) == .absolute(0.5))
        #expect(value("2 d", .time) == .absolute(48))
        #expect(value("90 s", .time) == .absolute(0.025))
        #expect(value("1.5h", .time) == .absolute(1.5))
        #expect(value("1e1 hours", .time) == .absolute(10))
    }

    @Test func volumesMassesAndDoses() {
        #expect(value("200 mL", .volume) == .absolute(0.2))
        #expect(value("1.5 L", .volume) == .absolute(1.5))
        #expect(value("10 kg", .mass) == .absolute(10))
        #expect(value("10500 g", .mass) == .absolute(10.5))
        #expect(value("2 ng/kg", .dosePerKg) == .absolute(2))
        #expect(value("18 mo", .age) == .absolute(1.5))
        #expect(value("75", .concentration) == .absolute(75))
        #expect(value("75 mmol/L", .concentration) == .absolute(75))
    }

    @Test func perKgForms() {
        #expect(value("10 mL/kg", .volumeOrPerKg) == .perKg(0.01))
        #expect(value("200 mL", .volumeOrPerKg) == .absolute(0.2))
        #expect(value("10 mL/kg/h", .rateOrPerKg) == .perKg(0.01))
        #expect(value("100 mL/h", .rateOrPerKg) == .absolute(0.1))
        #expect(value("5 mL/min", .rateOrPerKg) == .absolute(0.3))
        #expect(value("10 mL / kg / h", .rateOrPerKg) == .perKg(0.01))
        #expect(ScaledAmount.perKg(0.03).resolved(weightKg: 70) == 0.03 * 70)
    }

    @Test func strictness() {
        #expect(throws: QuantityError.missingUnit) { try Quantity.parse("72", as: .time).get() }
        #expect(throws: QuantityError.unknownUnit("parsec")) { try Quantity.parse("3 parsec", as: .time).get() }
        #expect(throws: QuantityError.notANumber) { try Quantity.parse("nan h", as: .time).get() }
        #expect(throws: QuantityError.notANumber) { try Quantity.parse("inf h", as: .time).get() }
        #expect(throws: QuantityError.unknownUnit("x10h")) { try Quantity.parse("0x10 h", as: .time).get() }
        #expect(throws: QuantityError.notFinite) { try Quantity.parse("1e400 h", as: .time).get() }
        #expect(throws: QuantityError.unitNotAllowed("h")) { try Quantity.parse("3 h", as: .dimensionless).get() }
        #expect(throws: QuantityError.unknownUnit("mL")) { try Quantity.parse("3 mL", as: .time).get() }
        #expect(throws: QuantityError.notANumber) { try Quantity.parse("", as: .time).get() }
        #expect(throws: QuantityError.notANumber) { try Quantity.parse("h", as: .time).get() }
        #expect(throws: QuantityError.unknownUnit("mL/kg/kg")) { try Quantity.parse("1 mL/kg/kg", as: .rateOrPerKg).get() }
    }
}
