import Foundation
import HTTPTypes
import Hummingbird

/// Lets a request in only with a live session cookie or an API token, and refuses changes a browser
/// could be tricked into sending from another site: a change made with the session cookie must carry
/// the session's CSRF token in `X-CSRF-Token`, whatever its content type.
/// API tokens travel in `Authorization: Bearer`, which no browser adds by itself.
package struct AccessMiddleware: RouterMiddleware {
    package typealias Context = WorkshopContext

    /// The session cookie's name.
    package static let cookieName = "footscan_session"
    /// The header a change made with a session must carry.
    package static let csrfHeader = HTTPField.Name("X-CSRF-Token")!

    let store: any WorkshopStore

    package func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let authorization = request.headers[.authorization], authorization.lowercased().hasPrefix("bearer ") {
            let token = String(authorization.dropFirst(7)).trimmingCharacters(in: .whitespaces)
            guard let label = try await store.apiTokenLabel(tokenHash: Credentials.tokenHash(token)) else {
                throw HTTPError(.unauthorized, message: "the API token is not known: ask the workshop for a new one")
            }
            context.identity = .apiToken(label: label)
            return try await next(request, context)
        }
        guard let token = request.cookies[Self.cookieName]?.value else {
            throw HTTPError(.unauthorized, message: "sign in first (POST /api/sign-in) or send an API token")
        }
        let hash = Credentials.tokenHash(token)
        guard let session = try await store.session(tokenHash: hash, now: Date()) else {
            throw HTTPError(.unauthorized, message: "the session has ended: sign in again")
        }
        let safe: Set<HTTPRequest.Method> = [.get, .head, .options]
        if !safe.contains(request.method) {
            let echoed = request.headers[Self.csrfHeader] ?? ""
            guard Credentials.constantTimeEqual(echoed, session.csrfToken) else {
                throw HTTPError(.forbidden, message: "a change made with the session needs its X-CSRF-Token (cross-site requests are refused)")
            }
        }
        context.identity = .staff(name: session.staffName, csrfToken: session.csrfToken, sessionTokenHash: hash)
        return try await next(request, context)
    }

}
