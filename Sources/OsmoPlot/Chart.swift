/// The data of a figure: plain arrays and colours, no physiology. A ``Figure`` is a title, a legend
/// and a grid of panels; each panel is an x–y plot (``Panel``) or a horizontal bar chart (``BarPanel``).

/// A line through (x[i], y[i]); non-finite points break the line.
public struct LineSeries: Sendable {
    public var name: String
    public var color: String
    public var x: [Double]
    public var y: [Double]
    public var dash: SVGDocument.Dash
    public var width: Double
    public init(name: String, color: String, x: [Double], y: [Double], dash: SVGDocument.Dash = .solid, width: Double = 2.25) {
        self.name = name
        self.color = color
        self.x = x
        self.y = y
        self.dash = dash
        self.width = width
    }
}

/// Points (x[i], y[i]) drawn as dots.
public struct ScatterSeries: Sendable {
    public var name: String
    public var color: String
    public var x: [Double]
    public var y: [Double]
    public var radius: Double
    public init(name: String, color: String, x: [Double], y: [Double], radius: Double = 3.5) {
        self.name = name
        self.color = color
        self.x = x
        self.y = y
        self.radius = radius
    }
}

/// A shaded horizontal band `from ≤ y ≤ to` across the panel (a normal range, a danger zone).
/// Either edge may be infinite: the band then reaches the edge of the plot.
public struct Band: Sendable {
    public var from: Double
    public var to: Double
    public var color: String
    public var opacity: Double
    /// Written inside the band, at its top right.
    public var label: String
    public init(from: Double, to: Double, color: String, opacity: Double = 0.14, label: String = "") {
        self.from = from
        self.to = to
        self.color = color
        self.opacity = opacity
        self.label = label
    }
}

/// A horizontal reference line at `y` (a threshold).
public struct ReferenceLine: Sendable {
    public var y: Double
    public var color: String
    public var label: String
    public init(y: Double, color: String = "#777777", label: String = "") {
        self.y = y
        self.color = color
        self.label = label
    }
}

/// A diamond at (x, y) with a thin dashed drop line to the x axis: an event such as a warning sign
/// first being reached. `label` becomes the tooltip.
public struct PointMarker: Sendable {
    public var x: Double
    public var y: Double
    public var color: String
    public var label: String
    public init(x: Double, y: Double, color: String, label: String) {
        self.x = x
        self.y = y
        self.color = color
        self.label = label
    }
}

/// An x–y panel.
public struct Panel: Sendable {
    public var title: String
    /// Axis titles, with units: `time (h)`, `Na (mmol/L)`.
    public var xLabel: String
    public var yLabel: String
    public var lines: [LineSeries] = []
    public var scatters: [ScatterSeries] = []
    public var bands: [Band] = []
    public var references: [ReferenceLine] = []
    public var markers: [PointMarker] = []
    /// Values the y axis must show (e.g. 0), besides the data and the finite band edges.
    public var yIncludes: [Double] = []
    /// Values the x axis must show, besides the data.
    public var xIncludes: [Double] = []
    /// Allowed x tick steps (e.g. ``hourTickSteps``); nil for 1-2-5 steps.
    public var xTickSteps: [Double]?
    /// Whether the x axis is widened to whole tick steps (false: it spans the data exactly).
    public var xNiceDomain = true
    public init(title: String, xLabel: String, yLabel: String) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
    }
}

/// One group of bars in a ``BarPanel``: one value (and optional interval) per category.
public struct BarGroup: Sendable {
    public var name: String
    public var color: String
    public var values: [Double]
    /// Interval ends (e.g. a 95 % confidence interval), drawn as whiskers; nil or NaN = none.
    public var lower: [Double]?
    public var upper: [Double]?
    public init(name: String, color: String, values: [Double], lower: [Double]? = nil, upper: [Double]? = nil) {
        self.name = name
        self.color = color
        self.values = values
        self.lower = lower
        self.upper = upper
    }
}

/// Horizontal bars: one row per category, one bar per group in each row.
public struct BarPanel: Sendable {
    public var title: String
    public var categories: [String]
    public var groups: [BarGroup]
    public var xLabel: String
    /// Values the x axis must show (e.g. 0 and 1 for indices).
    public var xIncludes: [Double] = [0]
    public init(title: String, categories: [String], groups: [BarGroup], xLabel: String) {
        self.title = title
        self.categories = categories
        self.groups = groups
        self.xLabel = xLabel
    }
}

/// What a legend entry looks like.
public enum LegendSymbol: Sendable {
    case line(dash: SVGDocument.Dash)
    case box(opacity: Double)
    case diamond
    case dot
}

public struct LegendItem: Sendable {
    public var label: String
    public var color: String
    public var symbol: LegendSymbol
    public init(_ label: String, color: String, symbol: LegendSymbol) {
        self.label = label
        self.color = color
        self.symbol = symbol
    }
}

/// A figure: title, subtitle, legend, then the panels in a grid of `columns` columns.
public struct Figure: Sendable {
    public enum Content: Sendable {
        case xy(Panel)
        case bars(BarPanel)
    }
    public var title: String
    public var subtitle: String
    public var legend: [LegendItem]
    public var panels: [Content]
    public var columns: Int
    /// px
    public var width: Double
    /// px, of each panel
    public var panelHeight: Double
    public init(title: String, subtitle: String = "", legend: [LegendItem] = [], panels: [Content],
                columns: Int = 1, width: Double = 960, panelHeight: Double = 330) {
        self.title = title
        self.subtitle = subtitle
        self.legend = legend
        self.panels = panels
        self.columns = max(1, columns)
        self.width = width
        self.panelHeight = panelHeight
    }
}
