import Foundation
import GRDB

/// The embedded store: one SQLite file through GRDB's `DatabasePool` (WAL, so pages are read while a
/// scan is written), `synchronous = FULL` so a committed row survives a power cut, not only a crash,
/// and a busy timeout so a second writer waits instead of failing. Schema changes are migrations.
package final class SQLiteWorkshopStore: WorkshopStore {
    private let pool: DatabasePool

    /// Opens (creating and migrating when needed) the database at `path`.
    package init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
        pool = try DatabasePool(path: path, configuration: configuration)
        try Self.migrator.migrate(pool)
    }

    /// The schema, one migration per change; a migration that ran is never edited.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: customers, scans, catalogues, profiles, staff, sessions, tokens") { db in
            try db.execute(sql: """
                CREATE TABLE customer (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    name TEXT NOT NULL,
                    phone TEXT NOT NULL DEFAULT '',
                    created_at REAL NOT NULL
                );
                CREATE INDEX customer_name ON customer(name);
                CREATE TABLE scan (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    customer_id INTEGER REFERENCES customer(id),
                    content_hash TEXT NOT NULL,
                    format TEXT NOT NULL,
                    byte_count INTEGER NOT NULL,
                    file_name TEXT NOT NULL,
                    created_at REAL NOT NULL,
                    dpi_x REAL NOT NULL,
                    dpi_y REAL NOT NULL,
                    view TEXT NOT NULL,
                    measurement_json TEXT NOT NULL,
                    foot_rows TEXT NOT NULL
                );
                CREATE INDEX scan_customer ON scan(customer_id, id);
                CREATE TABLE catalogue (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    csv TEXT NOT NULL,
                    last_count INTEGER NOT NULL,
                    uploaded_by TEXT NOT NULL,
                    created_at REAL NOT NULL
                );
                CREATE TABLE profile (
                    name TEXT PRIMARY KEY,
                    toml TEXT NOT NULL,
                    created_at REAL NOT NULL
                );
                CREATE TABLE staff (
                    name TEXT PRIMARY KEY,
                    password_hash TEXT NOT NULL
                );
                CREATE TABLE session (
                    token_hash TEXT PRIMARY KEY,
                    staff_name TEXT NOT NULL REFERENCES staff(name) ON DELETE CASCADE,
                    csrf_token TEXT NOT NULL,
                    expires_at REAL NOT NULL
                );
                CREATE TABLE api_token (
                    token_hash TEXT PRIMARY KEY,
                    label TEXT NOT NULL,
                    created_at REAL NOT NULL
                );
                """)
        }
        return migrator
    }

    private static func scan(_ row: Row) -> StoredScan {
        StoredScan(id: row["id"], customerID: row["customer_id"], contentHash: row["content_hash"], format: row["format"],
                   byteCount: row["byte_count"], fileName: row["file_name"],
                   createdAt: Date(timeIntervalSince1970: row["created_at"]), dotsPerInchX: row["dpi_x"], dotsPerInchY: row["dpi_y"],
                   view: row["view"], measurementJSON: row["measurement_json"],
                   footRows: row["foot_rows"])
    }

    private static func customer(_ row: Row) -> Customer {
        Customer(id: row["id"], name: row["name"], phone: row["phone"], createdAt: Date(timeIntervalSince1970: row["created_at"]))
    }

    package func addScan(_ scan: StoredScan) async throws -> StoredScan {
        var stored = scan
        stored.createdAt = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        let created = stored.createdAt.timeIntervalSince1970
        stored.id = try await pool.write { db in
            try db.execute(sql: """
                INSERT INTO scan (customer_id, content_hash, format, byte_count, file_name, created_at, dpi_x, dpi_y, view,
                                  measurement_json, foot_rows)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [scan.customerID, scan.contentHash, scan.format, scan.byteCount, scan.fileName, created,
                                 scan.dotsPerInchX, scan.dotsPerInchY, scan.view, scan.measurementJSON, scan.footRows])
            return db.lastInsertedRowID
        }
        return stored
    }

    package func scan(id: Int64) async throws -> StoredScan? {
        try await pool.read { db in try Row.fetchOne(db, sql: "SELECT * FROM scan WHERE id = ?", arguments: [id]).map(Self.scan) }
    }

    package func scans(customerID: Int64) async throws -> [StoredScan] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM scan WHERE customer_id = ? ORDER BY id", arguments: [customerID]).map(Self.scan)
        }
    }

    package func latestScans(limit: Int) async throws -> [StoredScan] {
        try await pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM scan ORDER BY id DESC LIMIT ?", arguments: [limit]).map(Self.scan) }
    }

    package func addCustomer(name: String, phone: String) async throws -> Customer {
        let now = Date().timeIntervalSince1970
        let id = try await pool.write { db in
            try db.execute(sql: "INSERT INTO customer (name, phone, created_at) VALUES (?, ?, ?)", arguments: [name, phone, now])
            return db.lastInsertedRowID
        }
        return Customer(id: id, name: name, phone: phone, createdAt: Date(timeIntervalSince1970: now))
    }

    package func customer(id: Int64) async throws -> Customer? {
        try await pool.read { db in try Row.fetchOne(db, sql: "SELECT * FROM customer WHERE id = ?", arguments: [id]).map(Self.customer) }
    }

    package func searchCustomers(_ text: String, limit: Int) async throws -> [Customer] {
        // LIKE's wildcards in the text are matched as themselves.
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
        let pattern = "%\(escaped)%"
        return try await pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM customer WHERE name LIKE ? ESCAPE '\\' OR phone LIKE ? ESCAPE '\\' ORDER BY name, id LIMIT ?
                """, arguments: [pattern, pattern, limit]).map(Self.customer)
        }
    }

    package func addCatalogue(csv: String, lastCount: Int, uploadedBy: String) async throws -> Int64 {
        let now = Date().timeIntervalSince1970
        return try await pool.write { db in
            try db.execute(sql: "INSERT INTO catalogue (csv, last_count, uploaded_by, created_at) VALUES (?, ?, ?, ?)",
                           arguments: [csv, lastCount, uploadedBy, now])
            return db.lastInsertedRowID
        }
    }

    package func currentCatalogue() async throws -> (id: Int64, csv: String)? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT id, csv FROM catalogue ORDER BY id DESC LIMIT 1").map { (id: $0["id"], csv: $0["csv"]) }
        }
    }

    package func catalogueCount() async throws -> Int {
        try await pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM catalogue") ?? 0 }
    }

    package func putProfile(name: String, toml: String) async throws {
        let now = Date().timeIntervalSince1970
        try await pool.write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO profile (name, toml, created_at) VALUES (?, ?, ?)", arguments: [name, toml, now])
        }
    }

    package func profile(name: String) async throws -> String? {
        try await pool.read { db in try String.fetchOne(db, sql: "SELECT toml FROM profile WHERE name = ?", arguments: [name]) }
    }

    package func putStaff(name: String, passwordHash: String) async throws {
        try await pool.write { db in
            try db.execute(sql: """
                INSERT INTO staff (name, password_hash) VALUES (?, ?)
                ON CONFLICT(name) DO UPDATE SET password_hash = excluded.password_hash
                """, arguments: [name, passwordHash])
        }
    }

    package func passwordHash(staffName: String) async throws -> String? {
        try await pool.read { db in try String.fetchOne(db, sql: "SELECT password_hash FROM staff WHERE name = ?", arguments: [staffName]) }
    }

    package func addSession(tokenHash: String, staffName: String, csrfToken: String, expiresAt: Date) async throws {
        let now = Date().timeIntervalSince1970
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM session WHERE expires_at < ?", arguments: [now])
            try db.execute(sql: "INSERT INTO session (token_hash, staff_name, csrf_token, expires_at) VALUES (?, ?, ?, ?)",
                           arguments: [tokenHash, staffName, csrfToken, expiresAt.timeIntervalSince1970])
        }
    }

    package func session(tokenHash: String, now: Date) async throws -> StaffSession? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM session WHERE token_hash = ? AND expires_at > ?",
                             arguments: [tokenHash, now.timeIntervalSince1970]).map {
                StaffSession(staffName: $0["staff_name"], csrfToken: $0["csrf_token"], expiresAt: Date(timeIntervalSince1970: $0["expires_at"]))
            }
        }
    }

    package func deleteSession(tokenHash: String) async throws {
        try await pool.write { db in try db.execute(sql: "DELETE FROM session WHERE token_hash = ?", arguments: [tokenHash]) }
    }

    package func addAPIToken(tokenHash: String, label: String) async throws {
        let now = Date().timeIntervalSince1970
        try await pool.write { db in
            try db.execute(sql: "INSERT INTO api_token (token_hash, label, created_at) VALUES (?, ?, ?)", arguments: [tokenHash, label, now])
        }
    }

    package func apiTokenLabel(tokenHash: String) async throws -> String? {
        try await pool.read { db in try String.fetchOne(db, sql: "SELECT label FROM api_token WHERE token_hash = ?", arguments: [tokenHash]) }
    }

    package func integrityCheck() async throws -> String {
        try await pool.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ") }
    }
}
