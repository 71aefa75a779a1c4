import Foundation
import Testing

/// The counter's pages over HTTP (the browser test in Tests/Browser drives them in Chromium): who may
/// see them, escaping, forms' CSRF tokens, the language.
@Suite("Workshop service: pages", .serialized)
struct ServerPageTests {
    @Test("pages send a visitor without a session to sign in; signed in, they escape what customers typed")
    func escaping() async throws {
        let server = try ServerProcess(name: "pages")
        try server.start()
        defer { server.kill(signal: SIGTERM) }
        for path in ["/", "/customers", "/scans/1", "/customers/1"] {
            let answer = try await server.send("GET", path, auth: false)
            #expect(answer.status == 303 && answer.header("Location") == "/sign-in", "\(path): \(answer.status)")
        }
        let hostile = "<script>alert(1)</script> & \"Kim\""
        _ = try await server.send("POST", "/api/customers", body: ServerProcess.json(["name": hostile]), headers: ["Content-Type": "application/json"])
        let (cookie, csrf, _) = try await ServerAccessTests.signIn(server)
        let page = try await server.send("GET", "/customers", headers: ["Cookie": cookie], auth: false)
        #expect(page.status == 200 && page.header("Content-Type")?.hasPrefix("text/html") == true)
        #expect(!page.text.contains("<script>alert(1)</script>") && page.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(page.header("Content-Security-Policy")?.contains("default-src 'self'") == true)
        #expect(page.text.contains("name=\"csrf_token\" value=\"\(csrf)\""))
    }

    @Test("a form without the page's token, or from another origin, is refused; with it the customer is added")
    func forms() async throws {
        let server = try ServerProcess(name: "forms")
        try server.start()
        defer { server.kill(signal: SIGTERM) }
        let (cookie, csrf, _) = try await ServerAccessTests.signIn(server)
        let form = ["Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"]
        let missing = try await server.send("POST", "/customers", body: Array("name=Mallory".utf8), headers: form, auth: false)
        #expect(missing.status == 403)
        let foreign = try await server.send("POST", "/customers", body: Array("name=Mallory&csrf_token=\(csrf)".utf8),
                                            headers: form.merging(["Origin": "https://evil.example"]) { $1 }, auth: false)
        #expect(foreign.status == 403)
        let good = try await server.send("POST", "/customers", body: Array("name=Park+Jiwoo&phone=010&csrf_token=\(csrf)".utf8), headers: form, auth: false)
        #expect(good.status == 303 && good.header("Location")?.hasPrefix("/customers/") == true)
        let customers = try await server.send("GET", "/api/customers?q=Jiwoo")
        #expect(customers.text.contains("\"Park Jiwoo\""))
    }

    @Test("the page is Korean when the browser's first language is Korean, English otherwise")
    func language() async throws {
        let server = try ServerProcess(name: "language")
        try server.start()
        defer { server.kill(signal: SIGTERM) }
        let korean = try await server.send("GET", "/sign-in", headers: ["Accept-Language": "ko-KR,ko;q=0.9,en;q=0.8"], auth: false)
        #expect(korean.text.contains("<html lang=\"ko\">") && korean.text.contains("로그인"))
        let english = try await server.send("GET", "/sign-in", headers: ["Accept-Language": "en-GB,ko;q=0.5"], auth: false)
        #expect(english.text.contains("<html lang=\"en\">") && english.text.contains("Sign in"))
    }
}
