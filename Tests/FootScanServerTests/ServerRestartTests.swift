import FootScanServer
import Foundation
import Testing

/// What "acknowledged" means: a scan answered 201 survives the server being killed mid-load.
@Suite("Workshop service: restart after a hard kill", .serialized)
struct ServerRestartTests {
    @Test("SIGKILL during uploads: after a restart every scan answered 201 is there, its original intact, the database sound")
    func killMidLoad() async throws {
        let server = try ServerProcess(name: "restart")
        try server.start()
        let scans = try (0..<4).map { try TestScans.scan(seed: 7400 + UInt64($0)).bytes }
        let acknowledged = Acknowledged()
        // Three clients upload in a loop; the server is killed while they do.
        let uploads = Task {
            await withTaskGroup(of: Void.self) { group in
                for client in 0..<3 {
                    group.addTask {
                        for round in 0..<200 {
                            let bytes = scans[(client + round) % scans.count]
                            guard let answer = try? await server.send("POST", "/api/scans", body: bytes) else { return }
                            if answer.status == 201, let id = answer.json["id"] as? Int, let hash = answer.json["content_hash"] as? String {
                                await acknowledged.add(id: id, hash: hash)
                            }
                        }
                    }
                }
            }
        }
        while await acknowledged.count < 6 { try await Task.sleep(for: .milliseconds(50)) }
        server.kill(signal: SIGKILL)
        await uploads.value
        let before = await acknowledged.all
        #expect(before.count >= 6)

        try server.start()
        for (id, hash) in before {
            let scan = try await server.send("GET", "/api/scans/\(id)")
            #expect(scan.status == 200 && scan.json["content_hash"] as? String == hash, "scan \(id) lost")
            let original = try await server.send("GET", "/api/scans/\(id)/original")
            #expect(original.status == 200 && ScanFiles.hash(original.body) == hash, "scan \(id)'s original damaged")
        }
        server.kill(signal: SIGTERM)
        let store = try SQLiteWorkshopStore(path: server.data.appendingPathComponent("footscan.sqlite").path)
        #expect(try await store.integrityCheck() == "ok")
        // No half-written original was left under a hash's name.
        let files = FileManager.default.enumerator(atPath: server.data.appendingPathComponent("scans").path)?.allObjects as? [String] ?? []
        for name in files where !name.contains(".partial") && name.count > 3 {
            let hash = String(name.split(separator: "/").last ?? "")
            guard ScanFiles.isHash(hash) else { continue }
            let bytes = [UInt8](try Data(contentsOf: server.data.appendingPathComponent("scans").appendingPathComponent(name)))
            #expect(ScanFiles.hash(bytes) == hash, "\(name) does not hold what its name says")
        }
    }

    @Test("SIGTERM ends the server cleanly (status 0)")
    func gracefulStop() async throws {
        let server = try ServerProcess(name: "sigterm")
        try server.start()
        #expect(try await server.send("GET", "/health", auth: false).status == 200)
        #expect(server.kill(signal: SIGTERM) == 0)
    }
}

/// The scans answered 201, collected from concurrent clients.
actor Acknowledged {
    private(set) var all: [(id: Int, hash: String)] = []
    var count: Int { all.count }
    func add(id: Int, hash: String) { all.append((id, hash)) }
}
