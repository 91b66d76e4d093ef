/// Shared look: fonts, greys and a colour-blind-safe palette (Okabe & Ito 2008).
public enum Style {
    public static let fontFamily = "DejaVu Sans, Helvetica, Arial, sans-serif"
    /// Text.
    public static let ink = "#222222"
    /// Secondary text (subtitles, axis labels).
    public static let muted = "#555555"
    /// Axis lines.
    public static let axis = "#444444"
    /// Grid lines.
    public static let grid = "#e3e3e3"

    /// Okabe–Ito colours (without yellow, which is hard to see on white), then a dark grey.
    public static let palette = [
        "#0072B2", // blue
        "#E69F00", // orange
        "#009E73", // bluish green
        "#D55E00", // vermillion
        "#CC79A7", // reddish purple
        "#56B4E9", // sky blue
        "#8C6D31", // brown
        "#333333", // near black
    ]

    /// Band fills, light enough to sit behind lines.
    public static let bandGreen = "#2ca25f"
    public static let bandOrange = "#fdae61"
    public static let bandRed = "#d7301f"

    /// The width, px, of `text` at `size` px in a sans-serif font: an estimate (0.6 em per
    /// character) used only to lay out legends and margins.
    public static func textWidth(_ text: String, size: Double) -> Double {
        Double(text.count) * size * 0.6
    }
}
