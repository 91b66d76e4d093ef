import Foundation
import Hummingbird

/// The routes of `osmo serve`: a thin shell over ``ServeEngine``. Every failure becomes a JSON
/// answer in one place (``ServeErrorMiddleware``).
public enum ServeRouter {
    public static func make(engine: ServeEngine) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: ServeErrorMiddleware())

        router.get("/") { _, _ in
            Response(status: .ok, headers: pageHeaders, body: .init(byteBuffer: ByteBuffer(string: ServePage.html)))
        }
        router.get("/api/fluids") { _, _ in json(engine.fluids()) }
        router.get("/api/scenarios") { _, _ in
            struct Item: Encodable { var name, title, description: String }
            return json(encode(engine.shipped.entries.map { Item(name: $0.name, title: $0.title, description: $0.description) }))
        }
        router.get("/api/scenarios/:name") { _, context in
            let name = context.parameters.get("name") ?? ""
            guard let e = engine.shipped.entry(named: name) else {
                throw ServeError(status: 404, message: "no shipped scenario named `\(name.prefix(40))` (GET /api/scenarios lists them)")
            }
            return json(Array(e.json.utf8))
        }
        router.get("/api/lessons") { _, _ in json(encode(Lessons.all)) }
        router.post("/api/run") { request, _ in
            let client = request.headers[clientHeader]
            let seq = request.headers[seqHeader].flatMap { Int($0) }
            return json(try await engine.run(body: try await body(request, engine), client: client, seq: seq))
        }
        router.post("/api/csv") { request, _ in
            let file = request.uri.queryParameters.get("file") ?? "timeseries"
            let bytes = try await engine.csv(body: try await body(request, engine), file: file)
            return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8",
                                                   .contentDisposition: "attachment; filename=\"\(file == "summary" ? "summary" : "timeseries").csv\""],
                            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
        router.post("/api/yaml") { request, _ in
            let bytes = try engine.yaml(body: try await body(request, engine))
            return Response(status: .ok, headers: [.contentType: "application/yaml; charset=utf-8",
                                                   .contentDisposition: "attachment; filename=\"scenario.yaml\""],
                            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
        return router
    }

    static let clientHeader = HTTPFields.Element.Name("X-Osmo-Client")!
    static let seqHeader = HTTPFields.Element.Name("X-Osmo-Seq")!

    /// Nothing the page loads comes from elsewhere; it may talk only to this server.
    static let pageHeaders: HTTPFields = [
        .contentType: "text/html; charset=utf-8",
        .contentSecurityPolicy: "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; connect-src 'self'",
        .cacheControl: "no-store",
    ]

    /// The body, refused with 413 past the limit (by `Content-Length` before reading when it is given).
    static func body(_ request: Request, _ engine: ServeEngine) async throws -> [UInt8] {
        let limit = engine.settings.maxBodyBytes
        let tooLarge = ServeError(status: 413, message: "request body is larger than \(limit / 1024) KB")
        if let n = request.headers[.contentLength].flatMap({ Int($0) }), n > limit { throw tooLarge }
        var request = request
        do {
            var buffer = try await request.collectBody(upTo: limit)
            return buffer.readBytes(length: buffer.readableBytes) ?? []
        } catch let e as HTTPResponseError where e.status == .contentTooLarge {
            throw tooLarge
        }
    }

    static func json(_ bytes: [UInt8], status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func encode<T: Encodable>(_ v: T) -> [UInt8] { Array((try? JSONEncoder().encode(v)) ?? Data("null".utf8)) }
}

/// Turns every error into a JSON answer: ``ServeError`` with its status (and `Retry-After` on 503),
/// Hummingbird's own errors (404 for an unknown route) with theirs, anything else 500.
struct ServeErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let e as ServeError {
            var r = ServeRouter.json(e.json, status: HTTPResponse.Status(code: e.status))
            if let s = e.retryAfterS { r.headers[.retryAfter] = String(s) }
            return r
        } catch let e as HTTPResponseError {
            let message = e.status == .notFound ? "no such page or API route: \(request.method) \(request.uri.path.prefix(80))"
                : e.status.reasonPhrase
            return ServeRouter.json(ServeError(status: e.status.code, message: message).json, status: e.status)
        } catch {
            return ServeRouter.json(ServeError(status: 500, message: "internal error").json, status: .internalServerError)
        }
    }
}
