import FootScanTestSupport
import Foundation
import Testing

/// Generated scans with known feet.
enum TestScans {
    /// A generated 150 dpi JPEG scan (one foot or two) and its truth's lengths, written through a
    /// temporary folder that is removed once read.
    static func scan(seed: UInt64, feet: Int = 1) throws -> (bytes: [UInt8], lengths: [Double]) {
        let folder = try CommandRunner.temporaryFolder("server-scan")
        defer { CommandRunner.removeTemporaryFolder(folder) }
        let (url, truth) = try CommandRunner.writeScan(seed: seed, dpi: 150, feet: feet, into: folder)
        return ([UInt8](try Data(contentsOf: url)), truth.map(\.lengthMM))
    }

    /// A generated 150 dpi PNG scan of one foot that states no density.
    static func undatedPNG(seed: UInt64) throws -> [UInt8] {
        let folder = try CommandRunner.temporaryFolder("server-scan")
        defer { CommandRunner.removeTemporaryFolder(folder) }
        let url = try CommandRunner.writeScan(seed: seed, format: .png, density: false, into: folder).url
        return [UInt8](try Data(contentsOf: url))
    }
}

/// The scan routes over real HTTP on loopback: upload, fetch, original, overlay, match, and every bad
/// upload answered with its status and one line of reason.
@Suite("Workshop service: scans", .serialized)
struct ServerScanTests {
    @Test("upload measures and stores; the scan, its original (same hash), its overlay and its match come back")
    func uploadAndFetch() async throws {
        let server = try ServerProcess(name: "scans")
        try server.start()
        defer { server.kill(signal: SIGTERM) }
        let (bytes, lengths) = try TestScans.scan(seed: 7101, feet: 2)
        let upload = try await server.send("POST", "/api/scans?name=../../etc/customer%20a.jpg", body: bytes)
        #expect(upload.status == 201, "\(upload.text)")
        let id = try #require(upload.json["id"] as? Int)
        #expect(upload.header("Location") == "/api/scans/\(id)")
        // A name from the request is kept for people only, never as a path.
        #expect(upload.json["file_name"] as? String == "customer a.jpg")
        let measurement = try #require(upload.json["measurement"] as? [String: Any])
        let feet = try #require(measurement["feet"] as? [[String: Any]])
        #expect(feet.count == 2)
        let measured = feet.compactMap { $0["length_mm"] as? Double }.sorted()
        for (got, want) in zip(measured, lengths.sorted()) { #expect(abs(got - want) < 1.5, "length \(got) vs \(want)") }

        let fetched = try await server.send("GET", "/api/scans/\(id)")
        #expect(fetched.status == 200 && fetched.json["content_hash"] as? String == upload.json["content_hash"] as? String)
        let original = try await server.send("GET", "/api/scans/\(id)/original")
        #expect(original.status == 200 && original.body == bytes && original.header("Content-Type") == "image/jpeg")
        let overlay = try await server.send("GET", "/api/scans/\(id)/overlay.png")
        #expect(overlay.status == 200 && overlay.body.starts(with: [0x89, 0x50, 0x4E, 0x47]) && overlay.body.count > 10_000)
        let match = try await server.send("GET", "/api/scans/\(id)/match?top=3")
        #expect(match.status == 200, "\(match.text)")
        #expect((match.json["recommendations"] as? [Any])?.count == 3 && match.json["scan_id"] as? Int == id)
        #expect((match.json["feet"] as? [Any])?.count == 2)
        let list = try await server.send("GET", "/api/scans?limit=5")
        #expect(((try? JSONSerialization.jsonObject(with: Data(list.body))) as? [Any])?.count == 1)
        #expect(try await server.send("GET", "/api/scans/999").status == 404)
        #expect(try await server.send("GET", "/api/scans/abc/original").status == 404)
    }

    @Test("a corrupt scan is 422 with the engine's one-line reason, not an image 415, no density 422; nothing is stored")
    func badUploads() async throws {
        let server = try ServerProcess(name: "bad")
        try server.start()
        defer { server.kill(signal: SIGTERM) }
        let (bytes, _) = try TestScans.scan(seed: 7102)
        let truncated = try await server.send("POST", "/api/scans", body: Array(bytes.prefix(bytes.count / 3)))
        #expect(truncated.status == 422)
        let message = ((truncated.json["error"] as? [String: Any])?["message"] as? String) ?? ""
        #expect(message.hasPrefix("JPEG: ") && !message.contains("\n"), "\(message)")
        let text = try await server.send("POST", "/api/scans", body: Array("name,length\nkim,250\n".utf8))
        #expect(text.status == 415)
        // A PNG with no density and none given: the engine's reason, 422.
        let png = try TestScans.undatedPNG(seed: 7103)
        let noDensity = try await server.send("POST", "/api/scans", body: png)
        #expect(noDensity.status == 422 && noDensity.text.contains("no resolution in the file"), "\(noDensity.text)")
        let given = try await server.send("POST", "/api/scans?dpi=150", body: png)
        #expect(given.status == 201, "\(given.text)")
        #expect(try await server.send("POST", "/api/scans?dpi=5", body: bytes).status == 400)
        #expect(try await server.send("POST", "/api/scans?customer_id=42", body: bytes).status == 422)
        #expect(try await server.send("POST", "/api/scans", body: []).status == 400)
        let list = try await server.send("GET", "/api/scans")
        #expect(((try? JSONSerialization.jsonObject(with: Data(list.body))) as? [Any])?.count == 1)
        // Prometheus's text: the scans measured, the failures by reason, Hummingbird's request counts.
        let metrics = try await server.send("GET", "/metrics", auth: false)
        #expect(metrics.status == 200)
        for line in ["footscan_scans_measured_total 1", #"footscan_scan_failures_total{reason="decoding"} 1"#,
                     #"footscan_scan_failures_total{reason="no_density"} 1"#, #"footscan_scan_failures_total{reason="not_an_image"} 1"#] {
            #expect(metrics.text.contains(line + "\n"), "\(line) not in \(metrics.text)")
        }
        #expect(metrics.text.contains("hb_requests"))
    }

    @Test("a multipart form carries the file (its name kept), the density and a customer, found or added by name and phone")
    func multipart() async throws {
        let server = try ServerProcess(name: "multipart")
        try server.start()
        defer { server.kill(signal: SIGTERM) }
        let bytes = try TestScans.undatedPNG(seed: 7105)
        func form(_ fields: [(String, String)], file: [UInt8]?) -> [UInt8] {
            var body: [UInt8] = []
            for (name, value) in fields {
                body += Array("--XyZ\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
            }
            if let file {
                body += Array("--XyZ\r\nContent-Disposition: form-data; name=\"scan\"; filename=\"park left.png\"\r\nContent-Type: image/png\r\n\r\n".utf8)
                body += file + Array("\r\n".utf8)
            }
            return body + Array("--XyZ--\r\n".utf8)
        }
        let headers = ["Content-Type": "multipart/form-data; boundary=XyZ"]
        let fields = [("customer_name", "Park Jiwoo"), ("customer_phone", "010-1234-5678"), ("dpi", "150")]
        let first = try await server.send("POST", "/api/scans", body: form(fields, file: bytes), headers: headers)
        #expect(first.status == 201, "\(first.text)")
        #expect(first.json["file_name"] as? String == "park left.png")
        let customerID = try #require(first.json["customer_id"] as? Int)
        let second = try await server.send("POST", "/api/scans", body: form(fields, file: bytes), headers: headers)
        #expect(second.json["customer_id"] as? Int == customerID, "the same name and phone is the same customer")
        let history = try await server.send("GET", "/api/customers/\(customerID)")
        #expect(history.json["name"] as? String == "Park Jiwoo" && (history.json["visits"] as? [Any])?.count == 2)
        #expect(try await server.send("POST", "/api/scans", body: form(fields, file: nil), headers: headers).status == 400)
        let noDensity = try await server.send("POST", "/api/scans", body: form([("customer_name", "Lee")], file: bytes), headers: headers)
        #expect(noDensity.status == 422)
    }

    @Test("a connection that stalls mid-upload is closed after the idle timeout; the server goes on serving")
    func stalled() async throws {
        let server = try ServerProcess(name: "stalled")
        try server.start(extra: ["--idle-timeout", "1"])
        defer { server.kill(signal: SIGTERM) }
        // Half a request by hand: headers promising a body that never comes.
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #expect(socket >= 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(server.port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        #expect(connected == 0)
        let head = "POST /api/scans HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(server.token)\r\nContent-Length: 100000\r\n\r\nabc"
        _ = head.withCString { send(socket, $0, strlen($0), 0) }
        let start = Date()
        var buffer = [UInt8](repeating: 0, count: 4096)
        // The server closes the connection (read returns 0 or an error) within a few seconds, not never.
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        while recv(socket, &buffer, buffer.count, 0) > 0 {}
        let waited = Date().timeIntervalSince(start)
        #expect(waited >= 0.5 && waited < 10, "closed after \(waited) s")
        #expect(try await server.send("GET", "/health", auth: false).status == 200)
    }

    @Test("an upload past the limit is 413 and the server goes on serving")
    func oversize() async throws {
        let server = try ServerProcess(name: "oversize")
        try server.start(extra: ["--upload-limit", "1"])
        defer { server.kill(signal: SIGTERM) }
        let big = [UInt8](repeating: 0xFF, count: 3 << 20)
        let answer = try await server.send("POST", "/api/scans", body: [0xFF, 0xD8, 0xFF] + big)
        #expect(answer.status == 413)
        #expect(try await server.send("GET", "/health", auth: false).status == 200)
    }

    @Test("past the measuring queue a request is answered 503 with Retry-After at once, and the admitted ones are measured")
    func busy() async throws {
        let server = try ServerProcess(name: "busy")
        try server.start(extra: ["--workers", "1", "--queue", "1"])
        defer { server.kill(signal: SIGTERM) }
        let (bytes, _) = try TestScans.scan(seed: 7104)
        let answers = try await withThrowingTaskGroup(of: ServerProcess.Answer.self, returning: [ServerProcess.Answer].self) { group in
            for _ in 0..<12 { group.addTask { try await server.send("POST", "/api/scans", body: bytes) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let busy = answers.filter { $0.status == 503 }
        #expect(!busy.isEmpty && busy.allSatisfy { $0.header("Retry-After") == "2" }, "\(answers.map(\.status))")
        #expect(answers.allSatisfy { $0.status == 201 || $0.status == 503 } && answers.contains { $0.status == 201 })
        let list = try await server.send("GET", "/api/scans?limit=100")
        #expect(((try? JSONSerialization.jsonObject(with: Data(list.body))) as? [Any])?.count == answers.filter { $0.status == 201 }.count)
    }

    @Test("typed measures are matched; a foot no human has is refused")
    func typedMatch() async throws {
        let server = try ServerProcess(name: "typed")
        try server.start()
        defer { server.kill(signal: SIGTERM) }
        let good = try await server.send("POST", "/api/match?top=2", body: ServerProcess.json(["feet": [["length_mm": 252.0, "width_mm": 99.0]]]),
                                         headers: ["Content-Type": "application/json"])
        #expect(good.status == 200, "\(good.text)")
        #expect((good.json["size"] as? [String: Any])?["korean_mm"] as? Int == 255)
        let typo = try await server.send("POST", "/api/match", body: ServerProcess.json(["feet": [["length_mm": 25.2, "width_mm": 99.0]]]),
                                         headers: ["Content-Type": "application/json"])
        #expect(typo.status == 422 && typo.text.contains("length 25.2: a foot's is 60 to 400 mm."), "\(typo.text)")
        let garbage = try await server.send("POST", "/api/match", body: Array("{".utf8), headers: ["Content-Type": "application/json"])
        #expect(garbage.status == 400)
    }
}
