import FootScanTestSupport
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

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
    private let session: URLSession

    /// A new data folder with a staff member and a token; `start` runs the server on it.
    init(name: String) throws {
        data = try CommandRunner.temporaryFolder("server-\(name)")
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        configuration.timeoutIntervalForRequest = 60
        session = URLSession(configuration: configuration, delegate: NoRedirects(), delegateQueue: nil)
        _ = try Self.admin(["add-staff", "--data", data.path, Self.staffName], input: Self.staffPassword + "\n")
        token = try Self.admin(["add-token", "--data", data.path, "scanner-pc"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    deinit { kill(signal: SIGKILL) }

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

    /// One request; `auth` adds the API token.
    func send(_ method: String, _ path: String, body: [UInt8]? = nil, headers: [String: String] = [:], auth: Bool = true) async throws -> Answer {
        guard let url = URL(string: "http://127.0.0.1:\(port)\(path)") else { throw ServerError("bad path \(path)") }
        var request = URLRequest(url: url)
        request.httpMethod = method
        if auth { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let body { request.httpBody = Data(body) }
        let (data, response) = try await session.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw ServerError("no HTTP response") }
        var fields: [String: String] = [:]
        for (key, value) in http.allHeaderFields { fields["\(key)"] = "\(value)" }
        return Answer(status: http.statusCode, headers: fields, body: [UInt8](data))
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

/// Hands redirects back to the test instead of following them (a page's 303 is what is checked).
final class NoRedirects: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        completionHandler(nil)
    }
}
