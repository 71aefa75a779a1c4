import Foundation

/// A measured scan as the workshop keeps it: the original's content hash (its file's name), who it
/// belongs to, and the measurement as the spec's JSON and as batch rows (for matching).
package struct StoredScan: Sendable, Equatable {
    /// The scan's number in the store.
    package var id: Int64
    /// The customer the scan belongs to, if any.
    package var customerID: Int64?
    /// SHA-256 of the original bytes, lowercase hex: the original's file name.
    package var contentHash: String
    /// `png` or `jpeg`, sniffed from the bytes.
    package var format: String
    /// The original's size in bytes.
    package var byteCount: Int
    /// The name the upload gave, for people only (never a path).
    package var fileName: String
    /// When the scan was stored (UTC).
    package var createdAt: Date
    /// The density the scan was measured with, dots per inch across and down (a profile's may differ).
    package var dotsPerInchX: Double
    /// See ``dotsPerInchX``.
    package var dotsPerInchY: Double
    /// `plantar` or `dorsal`: how it was measured.
    package var view: String
    /// The measurement: the spec's JSON object of `footscan measure --format json`.
    package var measurementJSON: String
    /// The feet as `batch` JSON Lines rows (one per foot), which `match` reads back.
    package var footRows: String
}

/// A workshop's customer.
package struct Customer: Sendable, Equatable {
    /// The customer's number in the store.
    package var id: Int64
    /// The name as staff typed it.
    package var name: String
    /// A phone number as typed (searchable), or empty.
    package var phone: String
    /// When the customer was added (UTC).
    package var createdAt: Date
}

/// A signed-in staff member's session: the hash of the cookie's token, whose it is, and the token a
/// form or script must echo on every change (cross-site request forgery).
package struct StaffSession: Sendable, Equatable {
    /// The staff member's name.
    package var staffName: String
    /// The token that changes must carry in `X-CSRF-Token` (or a form's `csrf_token`).
    package var csrfToken: String
    /// When the session ends (UTC).
    package var expiresAt: Date
}

/// What the service keeps: scans, customers, the last catalogue, scanner profiles, staff and their
/// sessions and API tokens. Behind this interface so a shared database can serve several workshops
/// later; ``SQLiteWorkshopStore`` is the embedded one.
package protocol WorkshopStore: Sendable {
    /// Adds a scan whose original is already on disk (its `id` and `createdAt` are the store's to set);
    /// returns it with its number.
    func addScan(_ scan: StoredScan) async throws -> StoredScan
    /// The scan numbered `id`, or nil.
    func scan(id: Int64) async throws -> StoredScan?
    /// A customer's scans, oldest first.
    func scans(customerID: Int64) async throws -> [StoredScan]
    /// The latest scans, newest first.
    func latestScans(limit: Int) async throws -> [StoredScan]

    /// Adds a customer.
    func addCustomer(name: String, phone: String) async throws -> Customer
    /// The customer numbered `id`, or nil.
    func customer(id: Int64) async throws -> Customer?
    /// Customers whose name or phone contains `text` (case-insensitive), by name.
    func searchCustomers(_ text: String, limit: Int) async throws -> [Customer]

    /// Stores a validated catalogue as the current one (earlier ones are kept); returns its number.
    func addCatalogue(csv: String, lastCount: Int, uploadedBy: String) async throws -> Int64
    /// The current catalogue's number and CSV text, or nil when none was uploaded.
    func currentCatalogue() async throws -> (id: Int64, csv: String)?
    /// How many catalogues were ever stored.
    func catalogueCount() async throws -> Int

    /// Stores a scanner profile's TOML under a name (replacing one of the same name).
    func putProfile(name: String, toml: String) async throws
    /// A scanner profile's TOML, or nil.
    func profile(name: String) async throws -> String?

    /// Adds a staff member (or changes the password hash of one of that name).
    func putStaff(name: String, passwordHash: String) async throws
    /// A staff member's password hash, or nil.
    func passwordHash(staffName: String) async throws -> String?
    /// Starts a session: the token's hash is stored, never the token.
    func addSession(tokenHash: String, staffName: String, csrfToken: String, expiresAt: Date) async throws
    /// The session whose token hashes to `tokenHash`, if it has not ended.
    func session(tokenHash: String, now: Date) async throws -> StaffSession?
    /// Ends a session.
    func deleteSession(tokenHash: String) async throws
    /// Adds an API token (a scanner PC's) by its hash, with a label for people.
    func addAPIToken(tokenHash: String, label: String) async throws
    /// The label of the API token that hashes to `tokenHash`, or nil.
    func apiTokenLabel(tokenHash: String) async throws -> String?

    /// SQLite's `PRAGMA integrity_check` answer (`ok` when sound).
    func integrityCheck() async throws -> String
}
