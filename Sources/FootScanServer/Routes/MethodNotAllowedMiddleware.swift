import HTTPTypes
import Hummingbird

/// Answers a request whose path is served but not with its method (`TRACE /api/scans`, `DELETE
/// /health`) with 405 and the `Allow` header, where the router alone would say 404.
struct MethodNotAllowedMiddleware: RouterMiddleware {
    typealias Context = WorkshopContext

    /// Each route's path split into segments (a capture, `:name` or `{name}`, matches any one segment) with its methods.
    let routes: [(segments: [Substring], methods: Set<String>)]

    init(routes: [(path: String, method: String)]) {
        var byPath: [String: Set<String>] = [:]
        for route in routes { byPath[route.path, default: []].insert(route.method) }
        self.routes = byPath.map { (path, methods) in (path.split(separator: "/"), methods) }
    }

    /// The methods the path is served with, or empty when no route has the path.
    func methods(for path: String) -> Set<String> {
        let segments = path.split(separator: "/")
        var allowed = Set<String>()
        for route in routes where route.segments.count == segments.count {
            if zip(route.segments, segments).allSatisfy({ $0.hasPrefix(":") || $0.hasPrefix("{") || $0 == $1 }) { allowed.formUnion(route.methods) }
        }
        return allowed
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let allowed = methods(for: request.uri.path)
        if !allowed.isEmpty, !allowed.contains(request.method.rawValue) {
            throw HTTPError(.methodNotAllowed, headers: [.allow: allowed.sorted().joined(separator: ", ")],
                            message: "\(request.method.rawValue) is not served here: use \(allowed.sorted().joined(separator: " or "))")
        }
        return try await next(request, context)
    }
}
