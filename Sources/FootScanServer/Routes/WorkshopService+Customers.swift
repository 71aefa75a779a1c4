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

    /// `POST /api/customers` `{"name", "phone"}`.
    func addCustomer(_ request: Request, context: WorkshopContext) async throws -> Response {
        let body = try await request.decode(as: NewCustomer.self, context: context)
        let name = body.name.trimmingCharacters(in: .whitespacesAndNewlines)
        let phone = (body.phone ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...200).contains(name.count), phone.count <= 40 else {
            throw HTTPError(.unprocessableContent, message: "a customer needs a name (up to 200 characters); a phone has up to 40")
        }
        let customer = try await store.addCustomer(name: name, phone: phone)
        return JSONResponse.make(Self.json(customer), status: .created, headers: [.location: "/api/customers/\(customer.id)"])
    }

    /// `GET /api/customers?q=TEXT`: customers whose name or phone contains the text (all when empty).
    func searchCustomers(_ request: Request, context: WorkshopContext) async throws -> Response {
        let text = request.uri.queryParameters["q"].map(String.init) ?? ""
        return JSONResponse.make(.array(try await store.searchCustomers(text, limit: 100).map(Self.json)))
    }

    /// `GET /api/customers/:id`: the customer, every visit's scan with left and right side by side, and
    /// how each foot changed since the visit before (length and width, mm).
    func customer(_ request: Request, context: WorkshopContext) async throws -> Response {
        let id = try Self.number("id", in: context)
        guard let customer = try await store.customer(id: id) else { throw HTTPError(.notFound, message: "no such customer") }
        var previous: [String: (length: Double, width: Double)] = [:]
        var visits: [JSONValue] = []
        for scan in try await store.scans(customerID: id) {
            let rows = (try? BatchFile.parse(scan.footRows, jsonLines: true).rows) ?? []
            var sides: [(String, JSONValue)] = []
            for side in ["left", "right"] {
                guard let row = rows.first(where: { $0.fields["side"] == side }),
                      let length = row.fields["length_mm"].flatMap(Double.init), let width = row.fields["width_mm"].flatMap(Double.init) else {
                    sides.append((side, .null))
                    continue
                }
                var foot: [(String, JSONValue)] = [("length_mm", .rounded(length, 1)), ("width_mm", .rounded(width, 1)),
                                                   ("toe_shape", row.fields["toe_shape"].map { .string($0) } ?? .null)]
                if let before = previous[side] {
                    foot.append(("change_since_last_visit", .object([("length_mm", .rounded(length - before.length, 1)),
                                                                      ("width_mm", .rounded(width - before.width, 1))])))
                }
                previous[side] = (length, width)
                sides.append((side, .object(foot)))
            }
            visits.append(.object([("scan_id", .integer(Int(scan.id))), ("created_at", JSONResponse.time(scan.createdAt)),
                                   ("file_name", .string(scan.fileName))] + sides))
        }
        guard case .object(let members) = Self.json(customer) else { throw HTTPError(.internalServerError) }
        return JSONResponse.make(.object(members + [("visits", .array(visits))]))
    }
}
