import FootScanTestSupport
import Foundation

/// A `footscan-server` process on a loopback port with its own data folder, a staff member and an API
/// token, and a small HTTP client that speaks to it. Tests start one each and stop it at the end.
final class ServerProcess: @unchecked Sendable {
    /// An HTTP answer.
    struct Answer {
        var status: Int
        var headers: [String: String]
        var body: [UInt8]

        var text: String { String(decoding: body, as: UTF8.self) }
        /// The body as a JSON object (empty when it is not one).
        var json: [String: Any] { ((try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]) ?? [:] }
        /// A header, by name in any case.
        func header(_ name: String) -> String? { headers.first { $0.key.lowercased() == name.lowercased() }?.value }
    }

    static let staffName = "kim"
    static let staffPassword = "seongsu-last-2026"

    let data: URL
    let token: String
    private(set) var port = 0
    private var process: Process?

    /// A new data folder with a staff member and a token; `start` runs the server on it.
    init(name: String) throws {
        data = try CommandRunner.temporaryFolder("server-\(name)")
        _ = try Self.admin(["add-staff", "--data", data.path, Self.staffName], input: Self.staffPassword + "\n")
        token = try Self.admin(["add-token", "--data", data.path, "scanner-pc"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    deinit {
        kill(signal: SIGKILL)
        CommandRunner.removeTemporaryFolder(data)
    }

    private static func admin(_ arguments: [String], input: String = "") throws -> String {
        let process = Process()
        process.executableURL = CommandRunner.executable(named: "footscan-server")
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ServerError("footscan-server \(arguments[0]) exited \(process.terminationStatus)") }
        return String(decoding: output, as: UTF8.self)
    }

    /// Starts the server on a free loopback port and waits until it listens.
    func start(extra: [String] = []) throws {
        let process = Process()
        process.executableURL = CommandRunner.executable(named: "footscan-server")
        process.arguments = ["serve", "--data", data.path, "--port", "0"] + extra
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        self.process = process
        var seen = ""
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let chunk = stdout.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
            if let range = seen.range(of: #"127\.0\.0\.1:(\d+)"#, options: .regularExpression),
               let port = Int(seen[range].split(separator: ":").last ?? "") {
                self.port = port
                return
            }
        }
        throw ServerError("the server did not say where it listens: \(seen)")
    }

    /// Sends a signal to the server and waits for it to end; its exit status.
    @discardableResult
    func kill(signal: Int32) -> Int32? {
        guard let process, process.isRunning else { return nil }
        Foundation.kill(process.processIdentifier, signal)
        process.waitUntilExit()
        self.process = nil
        return process.terminationStatus
    }

    /// Whether the process still runs.
    var isRunning: Bool { process?.isRunning ?? false }

    /// One request; `auth` adds the API token. Redirects are not followed and no cookie is kept.
    func send(_ method: String, _ path: String, body: [UInt8]? = nil, headers: [String: String] = [:], auth: Bool = true) async throws -> Answer {
        var fields = headers.map { (name: $0.key, value: $0.value) }
        if auth { fields.append((name: "Authorization", value: "Bearer \(token)")) }
        let answer = try await LoopbackHTTPClient.send(port: port, method: method, path: path, headers: fields, body: body)
        return Answer(status: answer.status, headers: answer.headers, body: answer.body)
    }

    /// A JSON request body.
    static func json(_ object: [String: Any]) -> [UInt8] {
        [UInt8]((try? JSONSerialization.data(withJSONObject: object)) ?? Data())
    }
}

/// A failure of the test harness itself.
struct ServerError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
