import ArgumentParser
import FootScanServer
import Foundation
import Logging
import Metrics
import Prometheus

/// `footscan-server`: the workshop service and its administration.
@main
struct FootScanServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "footscan-server",
        abstract: "The workshop service: scans in over HTTP, customers and their feet kept in a local database.",
        subcommands: [Serve.self, AddStaff.self, AddToken.self],
        defaultSubcommand: Serve.self
    )
}

/// Where the service keeps its data.
struct DataOption: ParsableArguments {
    @Option(help: "The data folder (database and originals).")
    var data: String = "footscan-data"

    var url: URL { URL(fileURLWithPath: data, isDirectory: true) }
}

extension FootScanServerCommand {
    /// `footscan-server serve`: runs until SIGTERM or SIGINT, then finishes the requests in hand.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Run the service (stops cleanly on SIGTERM or Ctrl-C).")

        @OptionGroup var data: DataOption

        @Option(help: "The address to listen on (0.0.0.0 serves the shop's network).")
        var host: String = "127.0.0.1"

        @Option(help: "The port (0: any free port; the one chosen is printed).")
        var port: Int = 8080

        @Option(help: "The largest upload accepted, MiB.")
        var uploadLimit: Int = 40

        @Option(help: "Measurements at once (default: one per core).")
        var workers: Int?

        @Option(help: "Measurements that may wait for a worker before the service answers 503 (default: 8 per worker).")
        var queue: Int?

        @Option(help: "Seconds a connection may stay silent (a stalled upload, an idle keep-alive) before it is closed.")
        var idleTimeout: Int = 30

        func validate() throws {
            guard (1...3600).contains(idleTimeout) else { throw ValidationError("--idle-timeout must be 1 to 3600 seconds") }
            guard (0...65535).contains(port) else { throw ValidationError("--port must be 0 to 65535") }
            guard (1...1024).contains(uploadLimit) else { throw ValidationError("--upload-limit must be 1 to 1024 MiB") }
            if let workers, !(1...256).contains(workers) { throw ValidationError("--workers must be 1 to 256") }
            if let queue, !(0...100_000).contains(queue) { throw ValidationError("--queue must be 0 to 100000") }
        }

        func run() async throws {
            var configuration = ServerConfiguration(host: host, port: port, dataDirectory: data.url, uploadLimit: uploadLimit << 20,
                                                    workers: workers ?? ProcessInfo.processInfo.activeProcessorCount, queueLimit: queue)
            configuration.idleTimeout = idleTimeout
            let service: WorkshopService
            do { service = try WorkshopService(configuration: configuration) } catch {
                throw ValidationError("cannot open the data folder \(data.data): \(error)")
            }
            MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: service.metrics))
            var logger = Logger(label: "footscan-server")
            logger.logLevel = .info
            let host = self.host, folder = configuration.dataDirectory.path
            let app = service.application(logger: logger) { port in
                // A line a supervisor (or a test) waits for; written straight to the descriptor, unbuffered.
                FileHandle.standardOutput.write(Data("footscan-server listening on http://\(host):\(port) (data: \(folder))\n".utf8))
            }
            try await app.runService()
        }
    }

    /// `footscan-server add-staff NAME`: adds a staff member (or sets a new password); the password is
    /// read from standard input, never from the command line.
    struct AddStaff: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a staff member; the password is read from standard input.")

        @OptionGroup var data: DataOption

        @Argument(help: "The name to sign in with.")
        var name: String

        func run() async throws {
            guard let password = readLine(strippingNewline: true), password.count >= 8 else {
                throw ValidationError("give a password of at least 8 characters on standard input")
            }
            let service = try WorkshopService(configuration: ServerConfiguration(dataDirectory: data.url))
            try await service.store.putStaff(name: name, passwordHash: Credentials.hashPassword(password))
            print("staff \(name) can sign in")
        }
    }

    /// `footscan-server add-token LABEL`: a new API token for a scanner PC, printed once.
    struct AddToken: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Make an API token for a scanner PC (printed once; only its hash is kept).")

        @OptionGroup var data: DataOption

        @Argument(help: "A label for people (which PC holds it).")
        var label: String

        func run() async throws {
            let service = try WorkshopService(configuration: ServerConfiguration(dataDirectory: data.url))
            let token = Credentials.newToken()
            try await service.store.addAPIToken(tokenHash: Credentials.tokenHash(token), label: label)
            print(token)
        }
    }
}
