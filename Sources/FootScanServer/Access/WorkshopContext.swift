import Hummingbird

/// Who made a request: a signed-in staff member (by session cookie) or a scanner PC (by API token).
package enum Identity: Sendable, Equatable {
    /// A staff member's browser; `csrfToken` is what changes must echo.
    case staff(name: String, csrfToken: String, sessionTokenHash: String)
    /// A program holding an API token (its label).
    case apiToken(label: String)

    /// A name for logs and records.
    package var name: String {
        switch self {
        case .staff(let name, _, _): return name
        case .apiToken(let label): return "token:\(label)"
        }
    }
}

/// The request context of the workshop service: Hummingbird's core storage, who is asking, and the
/// upload limit (a body past it is refused with 413 before it is all read).
package struct WorkshopContext: RequestContext {
    package var coreContext: CoreRequestContextStorage
    /// Set by ``AccessMiddleware`` on every route that needs it.
    package var identity: Identity?
    /// The largest body accepted, bytes.
    package var maxUploadSize: Int { WorkshopContext.uploadLimit }

    /// The server's upload limit; set once at start-up from ``ServerConfiguration``.
    nonisolated(unsafe) static var uploadLimit = 40 << 20

    package init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        identity = nil
    }
}
