import Foundation
import Hummingbird
import Logging
import NIOCore
import Prometheus

/// The workshop service: its store, the originals on disk and the measuring pool, and the router that
/// serves them. `application(...)` builds the Hummingbird application that `footscan-server serve` runs.
package struct WorkshopService: Sendable {
    /// Customers, scans, catalogues, staff.
    package let store: any WorkshopStore
    /// The originals by content hash.
    package let files: ScanFiles
    /// Where measurements run.
    package let pool: MeasuringPool
    /// The configuration it was opened with.
    package let configuration: ServerConfiguration
    /// Where the metrics collect; `/metrics` shows it. `footscan-server serve` makes it swift-metrics'
    /// backend, so Hummingbird's request metrics and the scan counters land here.
    package let metrics = PrometheusCollectorRegistry()

    /// Opens the data folder (creating it, the database and `scans/` when missing).
    package init(configuration: ServerConfiguration) throws {
        try FileManager.default.createDirectory(at: configuration.dataDirectory, withIntermediateDirectories: true)
        self.configuration = configuration
        store = try SQLiteWorkshopStore(path: configuration.databasePath)
        files = try ScanFiles(directory: configuration.scansDirectory)
        pool = MeasuringPool(workers: configuration.workers, queueLimit: configuration.queueLimit)
    }

    /// Every route: `/health`, `/metrics` and `/api/sign-in` open, the rest behind ``AccessMiddleware``.
    package func router() -> Router<WorkshopContext> {
        // The routes first, on a router of their own, so the 405 check knows every path and method.
        let routes = Router(context: WorkshopContext.self)
        addRoutes(to: routes)
        let known = routes.routes.map { (path: "\($0.path)", method: $0.method.rawValue) }
        let router = Router(context: WorkshopContext.self)
        router.add(middleware: RequestLogMiddleware())
        router.add(middleware: MetricsMiddleware())
        router.add(middleware: ErrorMappingMiddleware())
        router.add(middleware: MethodNotAllowedMiddleware(routes: known))
        addRoutes(to: router)
        return router
    }

    /// Adds every route to `router`.
    func addRoutes(to router: Router<WorkshopContext>) {
        router.get("/health") { _, _ in
            let load = await pool.load
            return JSONResponse.make(.object([("status", .string("ok")), ("measuring", .integer(load.running)), ("waiting", .integer(load.waiting))]))
        }
        router.get("/metrics") { _, _ in
            JSONResponse.bytes(metrics.emitToBuffer(), contentType: "text/plain; version=0.0.4; charset=utf-8")
        }
        router.post("/api/sign-in") { request, context in try await signIn(request, context: context) }
        addPages(to: router)
        let api = router.group("/api").add(middleware: AccessMiddleware(store: store))
        api.post("/sign-out") { request, context in try await signOut(request, context: context) }
        api.get("/session") { request, context in try session(request, context: context) }
        api.post("/scans") { request, context in try await uploadScan(request, context: context) }
        api.get("/scans") { request, context in try await listScans(request, context: context) }
        api.get("/scans/:id") { request, context in try await scan(request, context: context) }
        api.get("/scans/:id/original") { request, context in try await original(request, context: context) }
        api.get("/scans/:id/overlay.png") { request, context in try await overlay(request, context: context) }
        api.get("/scans/:id/match") { request, context in try await matchScan(request, context: context) }
        api.post("/match") { request, context in try await matchTyped(request, context: context) }
        api.post("/customers") { request, context in try await addCustomer(request, context: context) }
        api.get("/customers") { request, context in try await searchCustomers(request, context: context) }
        api.get("/customers/:id") { request, context in try await customer(request, context: context) }
        api.put("/catalogue") { request, context in try await putCatalogue(request, context: context) }
        api.get("/catalogue") { request, context in try await catalogue(request, context: context) }
        api.put("/profiles/:name") { request, context in try await putProfile(request, context: context) }
        api.get("/profiles/:name") { request, context in try await profile(request, context: context) }
    }

    /// The application: listens where the configuration says, calls `onRunning` with the bound port.
    package func application(logger: Logger, onRunning: @escaping @Sendable (Int) async -> Void) -> some ApplicationProtocol {
        WorkshopContext.uploadLimit = configuration.uploadLimit
        return Application(
            router: router(),
            server: .http1(configuration: .init(idleTimeout: .seconds(Int64(configuration.idleTimeout)))),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "footscan"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: logger
        )
    }

    /// Runs blocking work (file I/O with fsync, bcrypt) on a Dispatch thread, off the event loops.
    static func offloaded<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }

    /// A path parameter that must be a positive integer (404 otherwise).
    static func number(_ name: String, in context: WorkshopContext) throws -> Int64 {
        guard let text = context.parameters.get(name), let value = Int64(text), value > 0 else {
            throw HTTPError(.notFound, message: "no such \(name == "id" ? "record" : name)")
        }
        return value
    }
}
