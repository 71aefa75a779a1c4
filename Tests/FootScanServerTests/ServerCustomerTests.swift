import FootScanServer
import FootScanTestSupport
import Foundation
import Testing

/// Customers with their visits, and the shop's catalogue, over real HTTP.
@Suite("Workshop service: customers and catalogue", .serialized)
struct ServerCustomerTests {
    static let json = ["Content-Type": "application/json"]

    @Test("customers are found by name or phone; their visits show left and right and the change since the visit before")
    func customers() async throws {
        let server = try ServerProcess(name: "customers")
        try server.start()
        defer { server.kill(signal: SIGTERM) }
        let park = try await server.send("POST", "/api/customers", body: ServerProcess.json(["name": "Park Jiwoo", "phone": "010-1234-5678"]), headers: Self.json)
        let lee = try await server.send("POST", "/api/customers", body: ServerProcess.json(["name": "Lee 100%_x", "phone": ""]), headers: Self.json)
        #expect(park.status == 201 && lee.status == 201)
        let id = try #require(park.json["id"] as? Int)
        #expect(try await server.send("POST", "/api/customers", body: ServerProcess.json(["name": "  "]), headers: Self.json).status == 422)

        func search(_ text: String) async throws -> [String] {
            let answer = try await server.send("GET", "/api/customers?q=\(text)")
            return (((try? JSONSerialization.jsonObject(with: Data(answer.body))) as? [[String: Any]]) ?? []).compactMap { $0["name"] as? String }
        }
        #expect(try await search("park") == ["Park Jiwoo"])
        #expect(try await search("5678") == ["Park Jiwoo"])
        #expect(try await search("%25") == ["Lee 100%_x"]) // a wildcard is matched as itself
        #expect(try await search("") == ["Lee 100%_x", "Park Jiwoo"])

        for seed: UInt64 in [7201, 7202] {
            let (bytes, _) = try TestScans.scan(seed: seed, feet: 2)
            let upload = try await server.send("POST", "/api/scans?customer_id=\(id)", body: bytes)
            #expect(upload.status == 201, "\(upload.text)")
        }
        let history = try await server.send("GET", "/api/customers/\(id)")
        #expect(history.status == 200)
        let visits = try #require(history.json["visits"] as? [[String: Any]])
        #expect(visits.count == 2)
        let first = try #require(visits[0]["left"] as? [String: Any]), second = try #require(visits[1]["left"] as? [String: Any])
        #expect(first["change_since_last_visit"] == nil && visits[0]["right"] is [String: Any])
        let change = try #require(second["change_since_last_visit"] as? [String: Any])
        let expected = ((second["length_mm"] as? Double) ?? 0) - ((first["length_mm"] as? Double) ?? 0)
        #expect(abs(((change["length_mm"] as? Double) ?? 99) - expected) < 0.11)
        #expect(try await server.send("GET", "/api/customers/999").status == 404)
    }

    @Test("a catalogue is refused whole with line and column, or becomes the one matches use; the previous one is kept")
    func catalogue() async throws {
        let server = try ServerProcess(name: "catalogue")
        try server.start()
        defer { server.kill(signal: SIGTERM) }
        #expect(try await server.send("GET", "/api/catalogue").status == 404)
        let sample = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Samples/lasts/seongsu.csv"), encoding: .utf8)
        var lines = sample.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let headerIndex = try #require(lines.firstIndex { $0.hasPrefix("id,") })
        let header = lines[headerIndex].split(separator: ",").map(String.init)
        let lengthColumn = try #require(header.firstIndex(of: "size_mm"))
        var broken = lines
        var fields = broken[headerIndex + 2].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[lengthColumn] = "abc"
        broken[headerIndex + 2] = fields.joined(separator: ",")
        let refused = try await server.send("PUT", "/api/catalogue", body: Array(broken.joined(separator: "\n").utf8), headers: ["Content-Type": "text/csv"])
        #expect(refused.status == 422)
        let issues = try #require(refused.json["issues"] as? [[String: Any]])
        #expect(issues.first?["line"] as? Int == headerIndex + 3 && issues.first?["column"] as? String == "size_mm", "\(refused.text)")
        #expect(try await server.send("GET", "/api/catalogue").status == 404)

        // A catalogue of the sample's first two lasts: matches now come from it alone.
        lines = Array(lines.prefix(headerIndex + 3)) + [""]
        let accepted = try await server.send("PUT", "/api/catalogue", body: Array(lines.joined(separator: "\n").utf8), headers: ["Content-Type": "text/csv"])
        #expect(accepted.status == 201 && accepted.json["lasts"] as? Int == 2, "\(accepted.text)")
        let current = try await server.send("GET", "/api/catalogue")
        #expect(current.text == lines.joined(separator: "\n"))
        let match = try await server.send("POST", "/api/match?top=10", body: ServerProcess.json(["feet": [["length_mm": 250.0, "width_mm": 98.0]]]),
                                          headers: Self.json)
        let ids = ((match.json["recommendations"] as? [[String: Any]]) ?? []).compactMap { $0["last_id"] as? String }
        #expect(!ids.isEmpty && ids.allSatisfy { lines.joined().contains($0 + ",") }, "\(match.text)")
        // The full sample replaces it as the current one; both stay in the store, the refused one does not.
        #expect(try await server.send("PUT", "/api/catalogue", body: Array(sample.utf8)).status == 201)
        #expect(try await server.send("GET", "/api/catalogue").text == sample)
        server.kill(signal: SIGTERM)
        let store = try SQLiteWorkshopStore(path: server.data.appendingPathComponent("footscan.sqlite").path)
        #expect(try await store.catalogueCount() == 2)
    }

    @Test("a scanner profile is stored, checked, and gives the density of an upload that has none")
    func profiles() async throws {
        let server = try ServerProcess(name: "profiles")
        try server.start()
        defer { server.kill(signal: SIGTERM) }
        let toml = "[scanner]\nmm_per_pixel_x = 0.16933  # checked with a ruler\nmm_per_pixel_y = 0.16933\n"
        #expect(try await server.send("PUT", "/api/profiles/counter-1", body: Array(toml.utf8)).status == 201)
        #expect(try await server.send("PUT", "/api/profiles/bad", body: Array("mm_per_pixel_x = 9".utf8)).status == 422)
        #expect(try await server.send("PUT", "/api/profiles/..%2Fescape", body: Array(toml.utf8)).status == 400)
        let png = try TestScans.undatedPNG(seed: 7301)
        let upload = try await server.send("POST", "/api/scans?profile=counter-1", body: png)
        #expect(upload.status == 201, "\(upload.text)")
        #expect((upload.json["measurement"] as? [String: Any])?["density_source"] as? String == "profile")
        #expect(try await server.send("POST", "/api/scans?profile=nope", body: png).status == 422)
    }
}
