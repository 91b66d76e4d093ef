import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A minimal W3C WebDriver client for Debian's `chromium-driver` (plain HTTP and JSON), and the
/// processes the browser test starts. Everything started here is stopped by its PID.
final class WebDriver: @unchecked Sendable {
    static let chromium: String? = find(env: "OSMO_CHROMIUM", ["chromium", "chromium-browser", "google-chrome"])
    static let chromedriver: String? = find(env: "OSMO_CHROMEDRIVER", ["chromedriver"])

    static func find(env: String, _ names: [String]) -> String? {
        let e = ProcessInfo.processInfo.environment
        if let p = e[env], FileManager.default.isExecutableFile(atPath: p) { return p }
        let dirs = (e["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init) + ["/usr/lib/chromium"]
        for n in names { for d in dirs where FileManager.default.isExecutableFile(atPath: d + "/" + n) { return d + "/" + n } }
        return nil
    }

    struct Failure: Error, CustomStringConvertible { var description: String }

    let driver: Process
    let port: Int
    var session = ""

    /// Starts chromedriver on a free port and a headless Chromium session that downloads into `downloads`.
    init(downloads: String) throws {
        guard let cd = Self.chromedriver, let browser = Self.chromium else { throw Failure(description: "no chromium/chromedriver") }
        port = Int.random(in: 20_000...29_999)
        driver = Process()
        driver.executableURL = URL(fileURLWithPath: cd)
        driver.arguments = ["--port=\(port)"]
        driver.standardOutput = FileHandle.nullDevice
        driver.standardError = FileHandle.nullDevice
        try driver.run()
        let deadline = Date().addingTimeInterval(20)
        while (try? request("GET", "/status")) == nil {
            if Date() > deadline { stop(); throw Failure(description: "chromedriver did not start") }
            Thread.sleep(forTimeInterval: 0.1)
        }
        let caps: [String: Any] = ["capabilities": ["alwaysMatch": ["browserName": "chrome", "goog:chromeOptions": [
            "binary": browser,
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000"],
            "prefs": ["download.default_directory": downloads, "download.prompt_for_download": false],
        ] as [String: Any]]]]
        let value = try request("POST", "/session", caps)
        session = ((value as? [String: Any])?["sessionId"] as? String) ?? ""
        _ = try? request("POST", "/session/\(session)/goog/cdp/execute",
                         ["cmd": "Browser.setDownloadBehavior", "params": ["behavior": "allow", "downloadPath": downloads]])
    }

    func stop() {
        if !session.isEmpty { _ = try? request("DELETE", "/session/\(session)") }
        if driver.isRunning { kill(driver.processIdentifier, SIGTERM) }
        for _ in 0..<20 where driver.isRunning { Thread.sleep(forTimeInterval: 0.1) }
        if driver.isRunning { kill(driver.processIdentifier, SIGKILL) }
    }

    func navigate(_ url: String) throws { _ = try request("POST", "/session/\(session)/url", ["url": url]) }

    /// Runs `script` (a function body) in the page and returns its value.
    func js(_ script: String, _ args: [Any] = []) throws -> Any? {
        try request("POST", "/session/\(session)/execute/sync", ["script": script, "args": args])
    }

    /// The WebDriver id of the first element matching `css`.
    func element(_ css: String) throws -> String {
        let v = try request("POST", "/session/\(session)/element", ["using": "css selector", "value": css]) as? [String: Any]
        guard let id = v?.values.first as? String else { throw Failure(description: "no element \(css)") }
        return id
    }

    func click(_ css: String) throws { _ = try request("POST", "/session/\(session)/element/\(try element(css))/click", [:]) }

    /// Types `text` into the element, as keystrokes (each one an `input` event).
    func type(_ css: String, _ text: String) throws {
        _ = try request("POST", "/session/\(session)/element/\(try element(css))/value", ["text": text])
    }

    /// Polls `condition` (a script returning true) until it holds.
    func wait(_ condition: String, timeout: Double = 60) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while (try js("return (\(condition));")) as? Bool != true {
            if Date() > deadline { throw Failure(description: "timed out waiting for: \(condition)") }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    /// One WebDriver call; returns its `value`.
    @discardableResult
    func request(_ method: String, _ path: String, _ body: Any? = nil) throws -> Any? {
        let data = try body.map { try JSONSerialization.data(withJSONObject: $0) } ?? Data()
        let answer = try HTTP.call(port: port, method: method, path: path, body: [UInt8](data))
        let object = try JSONSerialization.jsonObject(with: Data(answer), options: [.fragmentsAllowed]) as? [String: Any]
        if let v = object?["value"] as? [String: Any], let err = v["error"] as? String {
            throw Failure(description: "\(method) \(path): \(err): \(String(describing: v["message"] ?? "").prefix(300))")
        }
        return object?["value"]
    }
}

/// HTTP/1.1 over a plain socket to 127.0.0.1 (FoundationNetworking's libcurl here fails on
/// chromedriver's answers with "Failed writing header").
enum HTTP {
    /// The body of the answer to one request (`Connection: close`).
    static func call(port: Int, method: String, path: String, body: [UInt8]) throws -> [UInt8] {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw WebDriver.Failure(description: "socket failed") }
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let ok = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard ok == 0 else { throw WebDriver.Failure(description: "connect to \(port) failed") }
        var request = Array("\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n".utf8)
        request += Array("Content-Type: application/json\r\nContent-Length: \(body.count)\r\n\r\n".utf8) + body
        var sent = 0
        while sent < request.count {
            let n = request[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
            guard n > 0 else { throw WebDriver.Failure(description: "send failed") }
            sent += n
        }
        // Read the head, then exactly the body (chromedriver keeps the connection open).
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        var split: Int?
        var bodyLength: Int?
        while true {
            if let h = split, let n = bodyLength, answer.count >= h + 4 + n { break }
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            answer += buffer[0..<n]
            if split == nil, let h = (0..<max(0, answer.count - 3)).first(where: {
                answer[$0] == 13 && answer[$0 + 1] == 10 && answer[$0 + 2] == 13 && answer[$0 + 3] == 10 }) {
                split = h
                let head = String(decoding: answer[0..<h], as: UTF8.self).lowercased()
                if let r = head.range(of: #"content-length: *[0-9]+"#, options: .regularExpression) {
                    bodyLength = Int(head[r].split(separator: ":")[1].trimmingCharacters(in: .whitespaces))
                }
            }
        }
        guard let h = split else { throw WebDriver.Failure(description: "no HTTP answer from port \(port)") }
        let head = String(decoding: answer[0..<h], as: UTF8.self).lowercased()
        var payload = Array(answer[(h + 4)...])
        if let n = bodyLength { payload = Array(payload.prefix(n)) }
        if head.contains("transfer-encoding: chunked") { payload = dechunk(payload) }
        return payload
    }

    static func dechunk(_ b: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [], i = 0
        while i < b.count {
            var j = i
            while j + 1 < b.count && !(b[j] == 13 && b[j + 1] == 10) { j += 1 }
            guard let size = Int(String(decoding: b[i..<j], as: UTF8.self).split(separator: ";").first ?? "", radix: 16), size > 0 else { break }
            let start = j + 2
            out += b[start..<min(b.count, start + size)]
            i = start + size + 2
        }
        return out
    }
}

/// `osmo serve --port 0` from the built binary next to the test bundle; the port is read off its banner.
final class ServeProcess: @unchecked Sendable {
    let process = Process()
    var port = 0

    static var binary: String? {
        let dir = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent().path
        let candidates = [ProcessInfo.processInfo.environment["OSMO_BIN"], dir + "/osmo", packageRoot + "/.build/debug/osmo"]
        return candidates.compactMap { $0 }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    init(binary: String) throws {
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["serve", "--port", "0"]
        process.currentDirectoryURL = URL(fileURLWithPath: packageRoot)
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        var text = ""
        while port == 0 && Date() < deadline {
            let chunk = pipe.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
            if let r = text.range(of: #"127\.0\.0\.1:([0-9]+)/"#, options: .regularExpression) {
                port = Int(text[r].dropFirst("127.0.0.1:".count).dropLast()) ?? 0
            }
        }
        if port == 0 { stop(); throw WebDriver.Failure(description: "osmo serve did not print its address: \(text)") }
    }

    func stop() { if process.isRunning { kill(process.processIdentifier, SIGTERM); process.waitUntilExit() } }
}
