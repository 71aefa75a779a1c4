import Foundation
import Hummingbird
import Logging

/// One structured log line per request when it ends: its id (Hummingbird's `hb.request.id`, also in
/// every line the request logs), method, path, status and duration. Query strings are left out: they
/// may carry a customer's number, never a secret, but logs are kept longer than sessions.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = WorkshopContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        func log(_ status: Int) {
            let elapsed = ContinuousClock.now - start
            let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            context.logger.info("request", metadata: [
                "method": "\(request.method.rawValue)", "path": "\(request.uri.path)", "status": "\(status)",
                "ms": "\((milliseconds * 10).rounded() / 10)",
            ])
        }
        do {
            let response = try await next(request, context)
            log(response.status.code)
            return response
        } catch let error as any HTTPResponseError {
            log(error.status.code)
            throw error
        } catch {
            log(500)
            throw error
        }
    }
}
