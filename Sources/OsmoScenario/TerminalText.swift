/// Text echoed to a terminal or a log: one diagnostic is one line, and no input can forge another.
///
/// Swift compares `Character`s (grapheme clusters), and `"\r\n"` is one `Character` equal to neither
/// `"\n"` nor `"\r"`; the checks here go by Unicode scalar instead. Line breaks are LF, VT, FF, CR,
/// NEL (U+0085), LINE SEPARATOR (U+2028) and PARAGRAPH SEPARATOR (U+2029); other controls are C0
/// (U+0000–U+001F), DEL, C1 (U+0080–U+009F) and the bidirectional overrides and isolates
/// (U+202A–U+202E, U+2066–U+2069), which can make a line read as something else.
public enum TerminalText {
    /// Whether `s` is a line break by the rules above.
    @inline(__always)
    public static func isLineBreak(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// Whether `s` is a control character (line breaks included).
    @inline(__always)
    public static func isControl(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// `\n`, `\r`, `\t` or `\u{XX}` for a control scalar.
    static func escape(_ s: Unicode.Scalar) -> String {
        switch s.value {
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x09: return "\\t"
        default: return "\\u{" + String(s.value, radix: 16, uppercase: true) + "}"
        }
    }

    /// `text` with every control character (line breaks included) written as an escape.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if isControl(s) { out.append(contentsOf: escape(s).unicodeScalars) } else { out.append(s) }
        }
        return String(out)
    }

    /// `text` with line breaks (CR LF counts once) as single spaces and other controls escaped: for
    /// messages that may quote multi-line text, such as a YAML library's.
    public static func oneLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = String.UnicodeScalarView()
        var previousCR = false
        for s in text.unicodeScalars {
            if isLineBreak(s) {
                if !(previousCR && s.value == 0x0A) { out.append(" ") }
                previousCR = s.value == 0x0D
                continue
            }
            previousCR = false
            if isControl(s) { out.append(contentsOf: escape(s).unicodeScalars) } else { out.append(s) }
        }
        return String(out)
    }

    /// Output bound for a terminal: every control character but the LF that ends a line is escaped.
    /// The last defence: every message is also made one line where it is built.
    public static func forTerminal(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0) && $0.value != 0x0A }) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if isControl(s) && s.value != 0x0A { out.append(contentsOf: escape(s).unicodeScalars) } else { out.append(s) }
        }
        return String(out)
    }
}
