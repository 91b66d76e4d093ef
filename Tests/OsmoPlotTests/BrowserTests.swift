import Foundation
import OsmoReport
import OsmoScenario
import Testing

/// Renders `osmo report Scenarios/norovirus-adult.yaml` in headless Chromium and checks the page is
/// not blank and shows the table and the six figures. Skipped (with the reason) when no Chromium is
/// installed: `apt-get install -y chromium`, or set `OSMO_CHROMIUM` to a Chromium/Chrome binary.
/// Set `OSMO_SCREENSHOT_DIR` to keep the report and the screenshot.
@Suite struct BrowserTests {
    static let chromium: String? = {
        let env = ProcessInfo.processInfo.environment
        if let p = env["OSMO_CHROMIUM"], FileManager.default.isExecutableFile(atPath: p) { return p }
        let dirs = (env["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
            for d in dirs where FileManager.default.isExecutableFile(atPath: d + "/" + name) { return d + "/" + name }
        }
        return nil
    }()

    /// Runs `binary` with `arguments`; kills it after `timeout` s. Returns (exit status, stdout).
    static func run(_ binary: String, _ arguments: [String], timeout: Double = 90) throws -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = arguments
        let outPath = NSTemporaryDirectory() + "osmo-browser-stdout-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        FileManager.default.createFile(atPath: outPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: outPath) }
        let out = try #require(FileHandle(forWritingAtPath: outPath))
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        let done = DispatchSemaphore(value: 0)
        p.terminationHandler = { _ in done.signal() }
        try p.run()
        if done.wait(timeout: .now() + timeout) == .timedOut {
            kill(p.processIdentifier, SIGKILL)
            _ = done.wait(timeout: .now() + 5)
            Issue.record("\(binary) did not finish in \(timeout) s")
        }
        try out.close()
        let data = FileManager.default.contents(atPath: outPath) ?? Data()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test(.enabled(if: chromium != nil, "chromium not found: `apt-get install -y chromium` (or set OSMO_CHROMIUM) to run the browser test"))
    func reportRendersWithEveryFigureVisible() throws {
        let browser = try #require(Self.chromium)
        let keep = ProcessInfo.processInfo.environment["OSMO_SCREENSHOT_DIR"]
        let dir = keep ?? temporaryDirectory("browser")
        defer { if keep == nil { try? FileManager.default.removeItem(atPath: dir) } }
        let log = LockedText()
        let console = Console(out: { log.append($0) }, err: { log.append($0) })
        let status = ReportCommands.report(packageRoot + "/Scenarios/norovirus-adult.yaml", outDir: dir, generator: "osmo test", console: console)
        #expect(status == .success, "\(log.text)")
        let page = "file://" + dir + "/report.html"
        let common = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--user-data-dir=\(dir)/profile"]

        // The DOM the browser built: the table and six figures are there.
        let (domStatus, dom) = try Self.run(browser, common + ["--dump-dom", page])
        #expect(domStatus == 0)
        #expect(dom.components(separatedBy: "<svg ").count - 1 == 7, "figures in the DOM")
        #expect(dom.contains("<table class=\"comparison\">"))

        // The pixels: not blank, many colours, and every arm's colour drawn all the way down the page.
        let png = dir + "/screenshot.png"
        let (shotStatus, _) = try Self.run(browser, common + ["--screenshot=\(png)", "--window-size=1280,6000", page])
        #expect(shotStatus == 0)
        let image = try PNGImage(Array(try Data(contentsOf: URL(fileURLWithPath: png))))
        #expect(image.width == 1280 && image.height == 6000)
        var colours = Set<UInt32>()
        var inked = 0
        for i in stride(from: 0, to: image.rgb.count, by: 3) {
            let (r, g, b) = (image.rgb[i], image.rgb[i + 1], image.rgb[i + 2])
            colours.insert(UInt32(r) << 16 | UInt32(g) << 8 | UInt32(b))
            if Int(r) + Int(g) + Int(b) < 3 * 235 { inked += 1 }
        }
        let inkedFraction = Double(inked) / Double(image.width * image.height)
        #expect(colours.count > 500, "distinct colours: \(colours.count)")
        #expect(inkedFraction > 0.02, "non-white fraction \(inkedFraction)")

        // Rows holding the ORS arm's blue (#0072B2): the lines of every figure. Six figures give at
        // least six separate stretches, and the last one is far down the page.
        let blueRows = (0..<image.height).filter { y in
            (0..<image.width).contains { x in
                let (r, g, b) = image.pixel(x, y)
                return abs(Int(r) - 0x00) < 12 && abs(Int(g) - 0x72) < 12 && abs(Int(b) - 0xB2) < 12
            }
        }
        var stretches = 0
        var last = -1000
        for y in blueRows {
            if y - last > 30 { stretches += 1 }
            last = y
        }
        #expect(stretches >= 6, "stretches of ORS-blue rows: \(stretches)")
        let contentBottom = (0..<image.height).last { y in (0..<image.width).contains { x in image.pixel(x, y) != (0xf4, 0xf5, 0xf7) && image.pixel(x, y) != (255, 255, 255) } } ?? 0
        #expect((blueRows.last ?? 0) > contentBottom * 3 / 4, "last figure line at \(blueRows.last ?? 0), content ends at \(contentBottom)")
    }
}

/// Text appended from several threads.
final class LockedText: @unchecked Sendable {
    private let lock = NSLock()
    private var buffer = ""
    func append(_ s: String) { lock.lock(); buffer += s; lock.unlock() }
    var text: String { lock.lock(); defer { lock.unlock() }; return buffer }
}
