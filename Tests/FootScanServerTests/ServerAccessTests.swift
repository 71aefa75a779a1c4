import Foundation
import Testing

/// Sign-in, sessions and cross-site request forgery, over real HTTP.
@Suite("Workshop service: access", .serialized)
struct ServerAccessTests {
    /// Signs in; the session cookie's `name=value` and the CSRF token.
    static func signIn(_ server: ServerProcess) async throws -> (cookie: String, csrf: String, setCookie: String) {
        let answer = try await server.send("POST", "/api/sign-in",
                                           body: ServerProcess.json(["name": ServerProcess.staffName, "password": ServerProcess.staffPassword]),
                                           headers: ["Content-Type": "application/json"], auth: false)
        #expect(answer.status == 200, "\(answer.text)")
        let setCookie = try #require(answer.header("Set-Cookie"))
        let pair = String(setCookie.split(separator: ";")[0])
        return (pair, try #require(answer.json["csrf_token"] as? String), setCookie)
    }

    @Test("no session or token: 401; a wrong password or unknown name: 401; a wrong token: 401")
    func refused() async throws {
        let server = try ServerProcess(name: "refused")
        try server.start()
        defer { server.kill(signal: SIGTERM) }
        for path in ["/api/scans", "/api/customers", "/api/catalogue", "/api/scans/1/original"] {
            #expect(try await server.send("GET", path, auth: false).status == 401, "\(path)")
        }
        #expect(try await server.send("GET", "/api/scans", headers: ["Authorization": "Bearer " + String(repeating: "0", count: 64)], auth: false).status == 401)
        #expect(try await server.send("GET", "/api/scans", headers: ["Cookie": "footscan_session=forged"], auth: false).status == 401)
        for (name, password) in [(ServerProcess.staffName, "wrong password"), ("nobody", ServerProcess.staffPassword)] {
            let answer = try await server.send("POST", "/api/sign-in", body: ServerProcess.json(["name": name, "password": password]),
                                               headers: ["Content-Type": "application/json"], auth: false)
            #expect(answer.status == 401 && answer.header("Set-Cookie") == nil)
        }
        #expect(try await server.send("GET", "/health", auth: false).status == 200)
    }

    @Test("a session cookie is HttpOnly and SameSite=Strict; reads work with it, changes need its CSRF token; sign-out ends it")
    func session() async throws {
        let server = try ServerProcess(name: "session")
        try server.start()
        defer { server.kill(signal: SIGTERM) }
        let (cookie, csrf, setCookie) = try await Self.signIn(server)
        #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict") && setCookie.contains("Path=/"), "\(setCookie)")
        #expect(try await server.send("GET", "/api/customers", headers: ["Cookie": cookie], auth: false).status == 200)
        let me = try await server.send("GET", "/api/session", headers: ["Cookie": cookie], auth: false)
        #expect(me.json["name"] as? String == ServerProcess.staffName && me.json["csrf_token"] as? String == csrf)

        let body = ServerProcess.json(["name": "Park Jiwoo", "phone": "010-1234-5678"])
        // A forged cross-site form: the browser sends the cookie, but the page cannot know the token.
        let forged = try await server.send("POST", "/api/customers", body: Array("name=Mallory".utf8),
                                           headers: ["Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded", "Origin": "https://evil.example"],
                                           auth: false)
        #expect(forged.status == 403)
        let wrongToken = try await server.send("POST", "/api/customers", body: body,
                                               headers: ["Cookie": cookie, "Content-Type": "application/json", "X-CSRF-Token": String(csrf.reversed())],
                                               auth: false)
        #expect(wrongToken.status == 403)
        let good = try await server.send("POST", "/api/customers", body: body,
                                         headers: ["Cookie": cookie, "Content-Type": "application/json", "X-CSRF-Token": csrf], auth: false)
        #expect(good.status == 201, "\(good.text)")
        let customers = try await server.send("GET", "/api/customers", headers: ["Cookie": cookie], auth: false)
        #expect(((try? JSONSerialization.jsonObject(with: Data(customers.body))) as? [Any])?.count == 1)

        let out = try await server.send("POST", "/api/sign-out", headers: ["Cookie": cookie, "X-CSRF-Token": csrf], auth: false)
        #expect(out.status == 204)
        #expect(try await server.send("GET", "/api/customers", headers: ["Cookie": cookie], auth: false).status == 401)
    }
}
