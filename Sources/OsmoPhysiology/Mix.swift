/// Water and the gut solutes together: an amount (L, mmol) or a rate (L/h, mmol/h).
public struct Mix: Sendable, Equatable {
    public var water = 0.0
    public var sodium = 0.0
    public var potassium = 0.0
    public var chloride = 0.0
    public var bicarbonate = 0.0
    public var citrate = 0.0
    public var magnesium = 0.0
    public var glucose = 0.0
    public var fructose = 0.0

    public init() {}

    /// `volumeL` of `fluid` (or a rate, if `volumeL` is L/h).
    public init(_ fluid: Fluid, volumeL v: Double) {
        water = v
        sodium = fluid.sodium * v
        potassium = fluid.potassium * v
        chloride = fluid.chloride * v
        // The base slot carries HCO3 and the unlisted anions that balance the label's charge.
        bicarbonate = (fluid.bicarbonate + fluid.unlistedAnion) * v
        citrate = fluid.citrate * v
        magnesium = fluid.magnesium * v
        glucose = fluid.glucose * v
        fructose = fluid.fructose * v
    }

    @inline(__always)
    public static func + (a: Mix, b: Mix) -> Mix {
        var m = Mix()
        m.water = a.water + b.water
        m.sodium = a.sodium + b.sodium
        m.potassium = a.potassium + b.potassium
        m.chloride = a.chloride + b.chloride
        m.bicarbonate = a.bicarbonate + b.bicarbonate
        m.citrate = a.citrate + b.citrate
        m.magnesium = a.magnesium + b.magnesium
        m.glucose = a.glucose + b.glucose
        m.fructose = a.fructose + b.fructose
        return m
    }

    @inline(__always)
    public static func * (a: Mix, s: Double) -> Mix {
        var m = Mix()
        m.water = a.water * s
        m.sodium = a.sodium * s
        m.potassium = a.potassium * s
        m.chloride = a.chloride * s
        m.bicarbonate = a.bicarbonate * s
        m.citrate = a.citrate * s
        m.magnesium = a.magnesium * s
        m.glucose = a.glucose * s
        m.fructose = a.fructose * s
        return m
    }

    /// Base equivalents once absorbed and metabolised: HCO3 (or lactate) + 3 × citrate.
    public var baseEquivalents: Double { bicarbonate + 3 * citrate }

    /// Reads a stomach or lumen block starting at `y[offset]` (water, then ``GutSpecies`` order).
    @inline(__always)
    init(block y: UnsafeBufferPointer<Double>, at o: Int) {
        water = y[o]
        sodium = y[o + 1]
        potassium = y[o + 2]
        chloride = y[o + 3]
        bicarbonate = y[o + 4]
        citrate = y[o + 5]
        magnesium = y[o + 6]
        glucose = y[o + 7]
        fructose = y[o + 8]
    }

    /// Adds this mix to a block at `y[offset]`.
    @inline(__always)
    func add(to y: UnsafeMutableBufferPointer<Double>, at o: Int) {
        y[o] += water
        y[o + 1] += sodium
        y[o + 2] += potassium
        y[o + 3] += chloride
        y[o + 4] += bicarbonate
        y[o + 5] += citrate
        y[o + 6] += magnesium
        y[o + 7] += glucose
        y[o + 8] += fructose
    }
}

/// The inputs that are constant within a segment and change only at segment boundaries.
public struct Inputs: Sendable, Equatable {
    /// IV infusion rates into plasma (L/h, mmol/h); `bicarbonate` includes lactate.
    public var iv = Mix()
    /// Continuous oral drinking into the stomach (L/h, mmol/h).
    public var oral = Mix()
    /// Drink per litre of loose stool (L and mmol per L of stool): WHO Plan A.
    public var perStool = Mix()
    /// Composition of the ad-lib drink (per litre), if any.
    public var adLib: Mix? = nil
    /// Prescribed stool rate, L/h, and its composition per litre.
    public var prescribedStoolRate = 0.0
    public var prescribedStool = StoolComposition(sodium: 0, potassium: 0, chloride: 0, bicarbonate: 0, magnesium: 0)
    public init() {}
}
