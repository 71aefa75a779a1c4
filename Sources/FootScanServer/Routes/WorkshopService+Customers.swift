import FootScanReports
import Foundation
import Hummingbird

extension WorkshopService {
    struct NewCustomer: Decodable {
        var name: String
        var phone: String?
    }

    static func json(_ customer: Customer) -> JSONValue {
        .object([("id", .integer(Int(customer.id))), ("name", .string(customer.name)), ("phone", .string(customer.phone)),
                 ("created_at", JSONResponse.time(customer.createdAt))])
    }

    /// A customer's name and phone as typed, trimmed; 422 unless the name has 1 to 200 characters and the
    /// phone up to 40. The one rule for the API, the page's form and a scan upload's customer fields.
    static func customerFields(name: String, phone: String?) throws -> (name: String, phone: String) {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        let phone = (phone ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...200).contains(name.count), phone.count <= 40 else {
            throw HTTPError(.unprocessableContent, message: "a customer needs a name (up to 200 characters); a phone has up to 40")
        }
        return (name, phone)
    }

    /// `POST /api/customers` `{"name", "phone"}`.
    func addCustomer(_ request: Request, context: WorkshopContext) async throws -> Response {
        let body = try await request.decode(as: NewCustomer.self, context: context)
        let (name, phone) = try Self.customerFields(name: body.name, phone: body.phone)
        let customer = try await store.addCustomer(name: name, phone: phone)
        return JSONResponse.make(Self.json(customer), status: .created, headers: [.location: "/api/customers/\(customer.id)"])
    }

    /// `GET /api/customers?q=TEXT`: customers whose name or phone contains the text (all when empty).
    func searchCustomers(_ request: Request, context: WorkshopContext) async throws -> Response {
        let text = request.uri.queryParameters["q"].map(String.init) ?? ""
        return JSONResponse.make(.array(try await store.searchCustomers(text, limit: 100).map(Self.json)))
    }

    /// One foot at one visit, and how it changed since the visit before.
    struct VisitFoot {
        var lengthMM: Double
        var widthMM: Double
        var toeShape: String?
        var change: (lengthMM: Double, widthMM: Double)?
    }

    /// One visit: a scan of the customer's, left and right side by side.
    struct Visit {
        var scan: StoredScan
        var left: VisitFoot?
        var right: VisitFoot?
    }

    /// A customer's visits, oldest first, each foot with its change since the visit before.
    func visits(customerID: Int64) async throws -> [Visit] {
        var previous: [String: (length: Double, width: Double)] = [:]
        var visits: [Visit] = []
        for scan in try await store.scans(customerID: customerID) {
            let rows = (try? BatchFile.parse(scan.footRows, jsonLines: true).rows) ?? []
            var visit = Visit(scan: scan)
            for side in ["left", "right"] {
                guard let row = rows.first(where: { $0.fields["side"] == side }),
                      let length = row.fields["length_mm"].flatMap(Double.init), let width = row.fields["width_mm"].flatMap(Double.init) else { continue }
                let foot = VisitFoot(lengthMM: length, widthMM: width, toeShape: row.fields["toe_shape"],
                                     change: previous[side].map { (length - $0.length, width - $0.width) })
                previous[side] = (length, width)
                if side == "left" { visit.left = foot } else { visit.right = foot }
            }
            visits.append(visit)
        }
        return visits
    }

    /// `GET /api/customers/:id`: the customer, every visit's scan with left and right side by side, and
    /// how each foot changed since the visit before (length and width, mm).
    func customer(_ request: Request, context: WorkshopContext) async throws -> Response {
        let id = try Self.number("id", in: context)
        guard let customer = try await store.customer(id: id) else { throw HTTPError(.notFound, message: "no such customer") }
        func json(_ foot: VisitFoot?) -> JSONValue {
            guard let foot else { return .null }
            var members: [(String, JSONValue)] = [("length_mm", .rounded(foot.lengthMM, 1)), ("width_mm", .rounded(foot.widthMM, 1)),
                                                  ("toe_shape", foot.toeShape.map { .string($0) } ?? .null)]
            if let change = foot.change {
                members.append(("change_since_last_visit", .object([("length_mm", .rounded(change.lengthMM, 1)), ("width_mm", .rounded(change.widthMM, 1))])))
            }
            return .object(members)
        }
        let visits = try await visits(customerID: id).map { visit in
            JSONValue.object([("scan_id", .integer(Int(visit.scan.id))), ("created_at", JSONResponse.time(visit.scan.createdAt)),
                              ("file_name", .string(visit.scan.fileName)), ("left", json(visit.left)), ("right", json(visit.right))])
        }
        guard case .object(let members) = Self.json(customer) else { throw HTTPError(.internalServerError) }
        return JSONResponse.make(.object(members + [("visits", .array(visits))]))
    }
}
