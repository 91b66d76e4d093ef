import OsmoPlot

/// One colour per arm, the same in every figure and in the report. The usual arm names always get
/// the same colour (ORS blue, sports drink orange, untreated near black, …) so that figures of
/// different scenarios read alike; other arms take the remaining palette colours in order.
public enum ArmColors {
    public static let known: [String: String] = [
        "untreated": "#333333",
        "ors": "#0072B2",
        "sports-drink": "#E69F00",
        "water": "#D55E00",
        "iv-then-ors": "#009E73",
        "half-apple-juice": "#CC79A7",
        "challenge": "#D55E00",
        "half-dose": "#009E73",
    ]

    /// Colours for `arms`, in order; no two arms share a colour while the palette lasts.
    public static func assign(_ arms: [String]) -> [String] {
        var used = Set<String>()
        var result = [String?](repeating: nil, count: arms.count)
        for (i, a) in arms.enumerated() {
            if let c = known[a.lowercased()], !used.contains(c) {
                result[i] = c
                used.insert(c)
            }
        }
        var pool = (Style.palette + ["#7f7f7f", "#17becf", "#bcbd22", "#9467bd"]).filter { !used.contains($0) }
        for i in arms.indices where result[i] == nil {
            result[i] = pool.isEmpty ? Style.palette[i % Style.palette.count] : pool.removeFirst()
        }
        return result.map { $0! }
    }
}
