import Foundation

/// How a workshop runs its service: where it listens, where its data lives, and its limits.
package struct ServerConfiguration: Sendable {
    /// The address to listen on (`127.0.0.1` keeps it on this machine; `0.0.0.0` serves the shop's network).
    package var host: String
    /// The port (0: any free port, announced on standard output).
    package var port: Int
    /// The folder holding `footscan.sqlite` and the originals (`scans/`).
    package var dataDirectory: URL
    /// The largest upload accepted, bytes (larger: 413).
    package var uploadLimit: Int
    /// Measurements at once (default: one per core).
    package var workers: Int
    /// Measurements that may wait for a worker (more: 503 with Retry-After).
    package var queueLimit: Int
    /// Seconds a connection may send and receive nothing (a stalled upload, an abandoned keep-alive)
    /// before the server closes it.
    package var idleTimeout: Int = 30

    /// A configuration; the limits default to a 40 MiB upload, a worker per core and 8 waiting per worker.
    package init(host: String = "127.0.0.1", port: Int = 8080, dataDirectory: URL, uploadLimit: Int = 40 << 20,
                 workers: Int = ProcessInfo.processInfo.activeProcessorCount, queueLimit: Int? = nil) {
        self.host = host
        self.port = port
        self.dataDirectory = dataDirectory
        self.uploadLimit = uploadLimit
        self.workers = max(workers, 1)
        self.queueLimit = queueLimit ?? 8 * max(workers, 1)
    }

    /// The database file.
    package var databasePath: String { dataDirectory.appendingPathComponent("footscan.sqlite").path }
    /// The originals' folder.
    package var scansDirectory: URL { dataDirectory.appendingPathComponent("scans", isDirectory: true) }
}
