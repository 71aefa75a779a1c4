import FootScanReports
import Foundation
import Hummingbird

extension WorkshopService {
    /// How long a session lasts: a working day.
    static let sessionLength: TimeInterval = 12 * 3600

    /// A hash no password matches, checked for names that do not exist.
    static let unknownNameHash = Credentials.hashPassword(Credentials.newToken())

    struct SignInRequest: Decodable {
        var name: String
        var password: String
    }

    /// `POST /api/sign-in` `{"name", "password"}`: a session cookie (HttpOnly, SameSite=Strict) and the
    /// CSRF token that changes must carry. A wrong name or password gets one answer for both.
    func signIn(_ request: Request, context: WorkshopContext) async throws -> Response {
        let form = try await request.decode(as: SignInRequest.self, context: context)
        guard try await passwordMatches(staffName: form.name, password: form.password) else { throw HTTPError(.unauthorized, message: "wrong name or password") }
        let token = try await startSession(staffName: form.name)
        var response = JSONResponse.make(.object([("name", .string(form.name)), ("csrf_token", .string(token.csrf))]))
        response.setCookie(token.cookie)
        return response
    }

    /// Whether a staff member of this name exists and the password is theirs. A name that does not exist
    /// costs the same bcrypt time as a wrong password, so the answer's timing does not tell names apart.
    func passwordMatches(staffName: String, password: String) async throws -> Bool {
        let stored = try await store.passwordHash(staffName: staffName)
        let hash = stored ?? Self.unknownNameHash
        let valid = try await Self.offloaded { Credentials.verify(password, hash: hash) }
        return stored != nil && valid
    }

    /// Starts a session: its cookie (HttpOnly, SameSite=Strict, a working day) and CSRF token.
    func startSession(staffName: String) async throws -> (cookie: Cookie, csrf: String) {
        let token = Credentials.newToken()
        let csrf = Credentials.newToken()
        try await store.addSession(tokenHash: Credentials.tokenHash(token), staffName: staffName, csrfToken: csrf,
                                   expiresAt: Date().addingTimeInterval(Self.sessionLength))
        let cookie = Cookie(name: AccessMiddleware.cookieName, value: token, maxAge: Int(Self.sessionLength), path: "/", secure: false,
                            httpOnly: true, sameSite: .strict)
        return (cookie, csrf)
    }

    /// `POST /api/sign-out`: ends the session (an API token stays valid).
    func signOut(_ request: Request, context: WorkshopContext) async throws -> Response {
        guard case .staff(_, _, let hash) = context.identity else { return Response(status: .noContent) }
        try await store.deleteSession(tokenHash: hash)
        var response = Response(status: .noContent)
        response.setCookie(Cookie(name: AccessMiddleware.cookieName, value: "", maxAge: 0, path: "/", secure: false, httpOnly: true, sameSite: .strict))
        return response
    }

    /// `GET /api/session`: who is signed in, and the CSRF token for a page's scripts.
    func session(_ request: Request, context: WorkshopContext) throws -> Response {
        switch context.identity {
        case .staff(let name, let csrf, _): return JSONResponse.make(.object([("name", .string(name)), ("csrf_token", .string(csrf))]))
        case .apiToken(let label): return JSONResponse.make(.object([("token", .string(label))]))
        case nil: throw HTTPError(.unauthorized)
        }
    }
}
