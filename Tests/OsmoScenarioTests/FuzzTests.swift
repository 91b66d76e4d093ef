import Foundation
import Testing
import Yams
@testable import OsmoScenario

/// Thousands of seeded random mutations of the shipped scenarios, at the text level and at the YAML
/// node level. Validation must never trap; an invalid result must carry issues in the documented
/// form; a valid result must give sane problems (they are not run: that is the runner's business).
@Suite struct FuzzTests {
    /// `OSMO_FUZZ_SCALE=N swift test --filter FuzzTests` runs N times the executions.
    static let scale = max(1, Int(ProcessInfo.processInfo.environment["OSMO_FUZZ_SCALE"] ?? "") ?? 1)
    static let tokens = [":", "-", " ", "\n", "[", "]", "{", "}", ",", "&a ", "*a", "!!str ", "!!int ", "\"", "'", "#", "\t",
                         "0", "-1", "1e308", "1e-320", "nan", "inf", "~", "null", " h", " mL/kg", "\u{0}", "é", "? ", "|", ">",
                         "%", "99999999999999999999", "0x1F", "-0", ".5", "1_000", "true", "yes", "💧", "\r\n", "<<: *a",
                         "\u{1B}[31m", "\u{2028}", "\u{85}", "\u{202E}", "&b [*a, *a, *a, *a]", "[[[[[[[[", "\"\\r\\n\""]
    static let scalars = ["", "~", "0", "-1", "0 h", "-3 h", "1e308 h", "nan", "200 mL", "10 mL/kg", "10 mL/kg/h", "2 ng/kg",
                          "true", "false", "who-ors", "saline-0.9", "cholera", "adult", "msbdf", "72 h", "1e-12 h", "1 min",
                          "none", "custom", "9999999999999 d", "0.5", "5 kg", "untreated", "-0", "💧"]

    static func check(_ text: String, _ label: String) -> Bool {
        switch ScenarioValidator.validate(text: text, file: "fuzz.yaml") {
        case .failure(let found):
            guard !found.issues.isEmpty else { return false }
            for i in found.issues {
                let d = i.description
                // One line, and no control character of any kind (issue #15: `\r\n` is one Character).
                guard d.hasPrefix("fuzz.yaml:\(i.line): "), i.line >= 1, !d.contains("\n"),
                      !d.unicodeScalars.contains(where: TerminalText.isControl) else { return false }
            }
            return true
        case .success(let s):
            for p in s.problems {
                guard p.durationH > 0, p.durationH.isFinite, p.sampleIntervalH > 0, p.sampleIntervalH <= p.durationH,
                      p.durationH / p.sampleIntervalH <= Double(ScenarioLimits.maxSamples), p.patient.weightKg > 0
                else { return false }
                for inf in p.infusions where !(inf.startH >= 0 && inf.startH < inf.stopH && inf.stopH <= p.durationH * (1 + 1e-9)
                                               && inf.rateLPerH > 0 && inf.rateLPerH.isFinite) { return false }
            }
            return true
        }
    }

    static func textMutation(_ text: String, _ rng: inout SplitMix64) -> String {
        var s = Array(text.unicodeScalars)
        var lines = text.components(separatedBy: "\n")
        switch rng.next() % 8 {
        case 0 where !s.isEmpty:
            let a = Int(rng.next() % UInt64(s.count)), n = Int(rng.next() % 20) + 1
            s.removeSubrange(a..<min(s.count, a + n))
            return String(String.UnicodeScalarView(s))
        case 1:
            let a = s.isEmpty ? 0 : Int(rng.next() % UInt64(s.count))
            let t = tokens[Int(rng.next() % UInt64(tokens.count))]
            s.insert(contentsOf: t.unicodeScalars, at: a)
            return String(String.UnicodeScalarView(s))
        case 2:
            let i = Int(rng.next() % UInt64(lines.count))
            lines.insert(lines[i], at: i)
        case 3:
            lines.remove(at: Int(rng.next() % UInt64(lines.count)))
        case 4:
            let i = Int(rng.next() % UInt64(lines.count)), j = Int(rng.next() % UInt64(lines.count))
            lines.swapAt(i, j)
        case 5:
            let i = Int(rng.next() % UInt64(lines.count))
            if let r = lines[i].range(of: #"-?[0-9]+(\.[0-9]+)?"#, options: .regularExpression) {
                let v = ["0", "-5", "1e308", "1e-300", "nan", "999999", "0.0000001", "-0"][Int(rng.next() % 8)]
                lines[i].replaceSubrange(r, with: v)
            }
        case 6:
            let i = Int(rng.next() % UInt64(lines.count))
            lines[i] = rng.next() % 2 == 0 ? "  " + lines[i] : String(lines[i].drop { $0 == " " })
        default:
            let i = Int(rng.next() % UInt64(lines.count))
            lines[i] += " " + tokens[Int(rng.next() % UInt64(tokens.count))]
        }
        return lines.joined(separator: "\n")
    }

    /// Every node position in the tree, as the sequence of child indices from the root.
    static func positions(_ node: Node, _ prefix: [Int] = [], into out: inout [[Int]]) {
        out.append(prefix)
        switch node {
        case .mapping(let m): for (i, (_, v)) in m.enumerated() { positions(v, prefix + [i], into: &out) }
        case .sequence(let s): for (i, v) in s.enumerated() { positions(v, prefix + [i], into: &out) }
        default: break
        }
    }

    static func node(_ root: Node, at path: [Int]) -> Node {
        guard let i = path.first else { return root }
        switch root {
        case .mapping(let m): return node(Array(m)[i].value, at: Array(path.dropFirst()))
        case .sequence(let s): return node(Array(s)[i], at: Array(path.dropFirst()))
        default: return root
        }
    }

    /// Replaces the node at `path` by `f(old)`; `nil` deletes it (from a mapping or a list).
    static func replacing(_ root: Node, at path: [Int], _ f: (Node) -> Node?) -> Node? {
        guard let i = path.first else { return f(root) }
        let rest = Array(path.dropFirst())
        switch root {
        case .mapping(let m):
            var pairs = Array(m).map { ($0.key, $0.value) }
            if rest.isEmpty, f(pairs[i].1) == nil { pairs.remove(at: i) } else if let v = replacing(pairs[i].1, at: rest, f) {
                pairs[i].1 = v
            }
            return Node(pairs)
        case .sequence(let s):
            var items = Array(s)
            if rest.isEmpty, f(items[i]) == nil { items.remove(at: i) } else if let v = replacing(items[i], at: rest, f) {
                items[i] = v
            }
            return Node(items)
        default: return root
        }
    }

    static func nodeMutation(_ root: Node, _ rng: inout SplitMix64) -> Node {
        var all: [[Int]] = []
        positions(root, into: &all)
        let target = all[Int(rng.next() % UInt64(all.count))]
        let donor = node(root, at: all[Int(rng.next() % UInt64(all.count))])
        let choice = rng.next() % 7
        let scalar = scalars[Int(rng.next() % UInt64(scalars.count))]
        return replacing(root, at: target) { old in
            switch choice {
            case 0: return Node(scalar)
            case 1: return nil
            case 2: return Node([Node]())
            case 3: return Node([(Node, Node)]())
            case 4: return donor
            case 5: return Node([old, old])
            default:
                if case .mapping(let m) = old {
                    return Node(Array(m).map { ($0.key, $0.value) } + [(Node(scalar.isEmpty ? "x" : scalar), Node("1"))])
                }
                return Node(scalar)
            }
        } ?? root
    }

    @Test(arguments: Repo.shipped) func textMutationsNeverTrap(_ name: String) throws {
        let text = try String(contentsOfFile: Repo.scenario(name), encoding: .utf8)
        var rng = SplitMix64(seed: UInt64(name.utf8.reduce(7) { $0 &* 31 &+ UInt64($1) }))
        var valid = 0
        for k in 0..<(700 * Self.scale) {
            var t = text
            for _ in 0...(rng.next() % 3) { t = Self.textMutation(t, &rng) }
            #expect(Self.check(t, "\(name) text #\(k)"), "\(name) text mutation #\(k)")
            if case .success = ScenarioValidator.validate(text: t) { valid += 1 }
        }
        #expect(valid > 0)  // some mutations (comments, spaces) keep the file valid
    }

    @Test(arguments: Repo.shipped) func nodeMutationsNeverTrap(_ name: String) throws {
        let text = try String(contentsOfFile: Repo.scenario(name), encoding: .utf8)
        let root = try #require(try Yams.compose(yaml: text))
        var rng = SplitMix64(seed: UInt64(name.count) &* 0x5851_F42D_4C95_7F2D)
        for k in 0..<(400 * Self.scale) {
            var n = root
            for _ in 0...(rng.next() % 2) { n = Self.nodeMutation(n, &rng) }
            // Validate the tree directly (no line marks: issues fall back to line 1) …
            let direct = ScenarioValidator(document: ScenarioDocument(file: "fuzz.yaml", text: "", root: n)).validate()
            if case .failure(let i) = direct { #expect(!i.issues.isEmpty) }
            // … and as text written back out by Yams (real line numbers).
            if let out = try? Yams.serialize(node: n) {
                #expect(Self.check(out, "\(name) node #\(k)"), "\(name) node mutation #\(k)")
            }
        }
    }

    /// Random command-line settings on a valid scenario never trap either.
    @Test func commandLineSettings() throws {
        let s = try ScenarioValidator.load(path: Repo.scenario("norovirus-adult")).get()
        var rng = SplitMix64(seed: 99)
        for _ in 0..<500 {
            var o = RunOptions()
            if rng.next() % 2 == 0 { o.every = Self.scalars[Int(rng.next() % UInt64(Self.scalars.count))] }
            if rng.next() % 2 == 0 { o.rtol = [0, -1, 1e-300, .nan, .infinity, 1e-6][Int(rng.next() % 6)] }
            if rng.next() % 2 == 0 { o.atol = [0, -1, 1e-300, .nan, .infinity, 1e-6][Int(rng.next() % 6)] }
            if rng.next() % 2 == 0 { o.stepper = ["msbdf", "rk4", "", "x"][Int(rng.next() % 4)] }
            if rng.next() % 2 == 0 { o.arms = [["ors"], ["zzz"], ["ors", "ors"], []][Int(rng.next() % 4)] }
            switch ScenarioCommands.apply(o, to: s) {
            case .success(let t):
                #expect(t.sampleIntervalH > 0 && t.durationH / t.sampleIntervalH <= Double(ScenarioLimits.maxSamples))
                #expect(t.solver.problems.isEmpty)
            case .failure(let i): #expect(!i.issues.isEmpty)
            }
        }
    }
}
