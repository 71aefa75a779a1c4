import FootScanServer
import FootScanTestSupport
import Foundation
import Testing

/// The committed OpenAPI document (`API/openapi.json`) against the server: the same operations, and
/// real answers (successes and errors) that fit its statuses, content types and schemas.
@Suite("Workshop service: OpenAPI document", .serialized)
struct ServerOpenAPITests {
    @Test("every API route is documented and every documented operation is a route (the pages are HTML, not API)")
    func operations() throws {
        let document = try OpenAPIDocument()
        let folder = try CommandRunner.temporaryFolder("openapi-routes")
        defer { CommandRunner.removeTemporaryFolder(folder) }
        let service = try WorkshopService(configuration: ServerConfiguration(dataDirectory: folder))
        let api = service.router().routes.filter { "\($0.path)".hasPrefix("/api/") || ["/health", "/metrics"].contains("\($0.path)") }
        #expect(api.count > 15)
        let routes = Set(api.map { route in
            let path = "\(route.path)".split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }.joined(separator: "/")
            return "\(route.method.rawValue) /\(path)"
        })
        #expect(routes == document.operations, "undocumented: \(routes.subtracting(document.operations)); not served: \(document.operations.subtracting(routes))")
    }

    @Test("real answers fit the document: uploads, scans, matches, customers, catalogue, profiles and their errors")
    func answers() async throws {
        let document = try OpenAPIDocument()
        let server = try ServerProcess(name: "openapi")
        try server.start(extra: ["--upload-limit", "1"])
        defer { server.kill(signal: SIGTERM) }
        var problems: [String] = []
        func check(_ method: String, _ template: String, _ path: String, body: [UInt8]? = nil, headers: [String: String] = [:],
                   auth: Bool = true, expect status: Int) async throws -> ServerProcess.Answer {
            let answer = try await server.send(method, path, body: body, headers: headers, auth: auth)
            if answer.status != status { problems.append("\(method) \(path): \(answer.status), expected \(status): \(answer.text.prefix(200))") }
            problems += document.problems(answer, method, template)
            return answer
        }
        let json = ["Content-Type": "application/json"]
        let (bytes, _) = try TestScans.scan(seed: 7501, feet: 2)
        _ = try await check("GET", "/health", "/health", auth: false, expect: 200)
        let customer = try await check("POST", "/api/customers", "/api/customers", body: ServerProcess.json(["name": "Choi", "phone": "010"]),
                                       headers: json, expect: 201)
        let customerID = (customer.json["id"] as? Int) ?? 0
        let scan = try await check("POST", "/api/scans", "/api/scans?customer_id=\(customerID)", body: bytes, expect: 201)
        let id = (scan.json["id"] as? Int) ?? 0
        _ = try await check("GET", "/api/scans", "/api/scans", expect: 200)
        _ = try await check("GET", "/api/scans", "/api/scans?limit=501", expect: 400)
        _ = try await check("GET", "/api/scans/{id}", "/api/scans/\(id)", expect: 200)
        _ = try await check("GET", "/api/scans/{id}", "/api/scans/9999", expect: 404)
        _ = try await check("GET", "/api/scans/{id}/original", "/api/scans/\(id)/original", expect: 200)
        _ = try await check("GET", "/api/scans/{id}/overlay.png", "/api/scans/\(id)/overlay.png", expect: 200)
        _ = try await check("GET", "/api/scans/{id}/match", "/api/scans/\(id)/match?top=3", expect: 200)
        _ = try await check("GET", "/api/scans/{id}/match", "/api/scans/\(id)/match?top=0", expect: 400)
        _ = try await check("POST", "/api/match", "/api/match", body: ServerProcess.json(["feet": [["length_mm": 240.0, "width_mm": 95.0]]]),
                            headers: json, expect: 200)
        _ = try await check("POST", "/api/match", "/api/match", body: ServerProcess.json(["feet": [["length_mm": 24.0, "width_mm": 95.0]]]),
                            headers: json, expect: 422)
        _ = try await check("POST", "/api/scans", "/api/scans", body: Array(bytes.prefix(2000)), expect: 422)
        _ = try await check("POST", "/api/scans", "/api/scans", body: Array("GIF89a".utf8), expect: 415)
        _ = try await check("POST", "/api/scans", "/api/scans", body: [0xFF, 0xD8] + [UInt8](repeating: 0, count: 2 << 20), expect: 413)
        _ = try await check("GET", "/api/scans", "/api/scans", auth: false, expect: 401)
        _ = try await check("GET", "/api/customers", "/api/customers?q=Ch", expect: 200)
        _ = try await check("GET", "/api/customers/{id}", "/api/customers/\(customerID)", expect: 200)
        _ = try await check("PUT", "/api/catalogue", "/api/catalogue", body: Array("id,workshop\nx,y\n".utf8), expect: 422)
        _ = try await check("GET", "/api/catalogue", "/api/catalogue", expect: 404)
        _ = try await check("PUT", "/api/profiles/{name}", "/api/profiles/desk", body: Array("mm_per_pixel_x = 0.1\nmm_per_pixel_y = 0.1\n".utf8),
                            expect: 201)
        _ = try await check("GET", "/api/profiles/{name}", "/api/profiles/desk", expect: 200)
        let signIn = try await check("POST", "/api/sign-in", "/api/sign-in",
                                     body: ServerProcess.json(["name": ServerProcess.staffName, "password": ServerProcess.staffPassword]),
                                     headers: json, auth: false, expect: 200)
        let cookie = String((signIn.header("Set-Cookie") ?? "").split(separator: ";").first ?? "")
        _ = try await check("GET", "/api/session", "/api/session", headers: ["Cookie": cookie], auth: false, expect: 200)
        _ = try await check("POST", "/api/customers", "/api/customers", body: ServerProcess.json(["name": "X"]),
                            headers: json.merging(["Cookie": cookie]) { $1 }, auth: false, expect: 403)
        _ = try await check("POST", "/api/sign-out", "/api/sign-out",
                            headers: ["Cookie": cookie, "X-CSRF-Token": (signIn.json["csrf_token"] as? String) ?? ""], auth: false, expect: 204)
        _ = try await check("GET", "/metrics", "/metrics", auth: false, expect: 200)
        let trace = try await check("TRACE", "/api/scans", "/api/scans", expect: 405)
        #expect(trace.header("Allow") == "GET, POST")
        #expect(try await server.send("DELETE", "/api/scans/\(id)").status == 405)
        #expect(try await server.send("GET", "/api/nothing-here").status == 404)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }
}
