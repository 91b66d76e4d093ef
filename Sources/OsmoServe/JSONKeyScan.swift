/// One pass over JSON text that is already known to be valid, to name the path of a duplicate key
/// or of nesting that is too deep (Yams would report a duplicate with a line only, and a browser's
/// `JSON.stringify` puts the whole scenario on one line).
enum JSONKeyScan {
    enum Problem: Equatable {
        case duplicate(path: String, key: String)
        case tooDeep(path: String)
    }

    private enum Frame {
        case object(path: String, keys: Set<String>, pendingKey: String?)
        case array(path: String, index: Int)
    }

    /// The first duplicate key or too-deep container, or nil.
    static func firstProblem(in bytes: [UInt8], maxDepth: Int) -> Problem? {
        var stack: [Frame] = []
        var i = 0
        let n = bytes.count

        /// The path of the value about to start in the innermost container.
        func childPath() -> String {
            switch stack.last {
            case .object(let path, _, let key)?: return path.isEmpty ? (key ?? "") : "\(path).\(key ?? "")"
            case .array(let path, let index)?: return "\(path)[\(index)]"
            case nil: return ""
            }
        }
        func readString() -> String {
            // At the opening quote; returns the decoded text (escapes kept as written, which is
            // enough to compare keys written the same way) and leaves `i` after the closing quote.
            var raw: [UInt8] = []
            i += 1
            while i < n && bytes[i] != 34 {
                if bytes[i] == 92 && i + 1 < n { raw.append(bytes[i]); i += 1 }
                raw.append(bytes[i])
                i += 1
            }
            i += 1
            return String(decoding: raw, as: UTF8.self)
        }
        /// After a value ends: advance the enclosing array's index.
        func valueDone() {
            if case .array(let p, let idx)? = stack.last { stack[stack.count - 1] = .array(path: p, index: idx + 1) }
        }

        while i < n {
            let b = bytes[i]
            switch b {
            case 123, 91:  // { [
                let path = childPath()
                if stack.count >= maxDepth { return .tooDeep(path: path) }
                stack.append(b == 123 ? .object(path: path, keys: [], pendingKey: nil) : .array(path: path, index: 0))
                i += 1
            case 125, 93:  // } ]
                if !stack.isEmpty { stack.removeLast() }
                valueDone()
                i += 1
            case 34:  // a string: a key when an object waits for one
                if case .object(let path, var keys, nil)? = stack.last {
                    let key = readString()
                    if keys.contains(key) { return .duplicate(path: path, key: key) }
                    keys.insert(key)
                    stack[stack.count - 1] = .object(path: path, keys: keys, pendingKey: key)
                } else {
                    _ = readString()
                    valueDone()
                }
            case 44:  // , : the object waits for its next key
                if case .object(let path, let keys, _)? = stack.last {
                    stack[stack.count - 1] = .object(path: path, keys: keys, pendingKey: nil)
                }
                i += 1
            case 9, 10, 13, 32, 58:  // whitespace, :
                i += 1
            default:  // a number, true, false, null
                while i < n && ![44, 93, 125, 9, 10, 13, 32].contains(bytes[i]) { i += 1 }
                valueDone()
            }
        }
        return nil
    }
}
