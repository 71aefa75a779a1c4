import FootScanLasts
import FootScanReports
import Foundation
import Hummingbird

extension WorkshopService {
    /// The shop's current catalogue, or the built-in sample until one is uploaded.
    func currentCatalogue() async throws -> LastCatalogue {
        guard let current = try await store.currentCatalogue() else { return LastCatalogue(lasts: SampleCatalogue.lasts) }
        return try LastCatalogue.parse(csv: current.csv)
    }

    /// How many lasts to show (`top`, 1 to 100, default 5) and which (`style`, `toe_shape`, `workshop`).
    static func matchOptions(_ query: Parameters) throws -> (top: Int, filter: LastFilter) {
        let top = query["top"].map { Int(String($0)) } ?? 5
        guard let top, (1...100).contains(top) else { throw HTTPError(.badRequest, message: "top must be 1 to 100") }
        var filter = LastFilter()
        if let text = query["style"].map(String.init) {
            guard let style = LastStyle(rawValue: text) else { throw HTTPError(.badRequest, message: "no last style \(text)") }
            filter.style = style
        }
        if let text = query["toe_shape"].map(String.init) {
            guard let shape = LastToeShape(rawValue: text) else { throw HTTPError(.badRequest, message: "no last toe shape \(text)") }
            filter.toeShape = shape
        }
        filter.workshop = query["workshop"].map(String.init)
        return (top, filter)
    }

    /// Matches a customer's feet against the current catalogue: the matcher's JSON contract.
    func match(_ customer: MatchCustomer, query: Parameters, scanID: Int64?) async throws -> Response {
        if let failure = customer.failure { throw HTTPError(.unprocessableContent, message: "not matched: \(failure)") }
        let (top, filter) = try Self.matchOptions(query)
        let result = try await matchResult(customer.feet, top: top, filter: filter)
        var json = MatchReport.json(result, feet: customer.json, file: nil)
        if let scanID, case .object(let members) = json { json = .object([("scan_id", .integer(Int(scanID)))] + members) }
        return JSONResponse.make(json)
    }

    /// The matcher's answer for feet against the current catalogue.
    func matchResult(_ feet: [FootForFitting], top: Int, filter: LastFilter = LastFilter()) async throws -> MatchResult {
        let catalogue = try await currentCatalogue()
        return LastMatcher(rules: catalogue.rules).match(feet, in: catalogue.lasts, filter: filter, top: top)
    }

    /// A stored scan's feet as a customer to match (with the failure when a foot is no human's).
    static func matchCustomer(_ scan: StoredScan, sex: String?) -> MatchCustomer? {
        guard let file = try? BatchFile.parse(scan.footRows, jsonLines: true) else { return nil }
        return MatchCustomer.read(batch: file, sex: sex).first
    }

    /// `GET /api/scans/:id/match`: the scan's feet (a pair when both were scanned) against the
    /// catalogue; `sex` sharpens the girth. A foot no human has is refused with 422, never matched.
    func matchScan(_ request: Request, context: WorkshopContext) async throws -> Response {
        let scan = try await storedScan(context)
        let query = request.uri.queryParameters
        let sex = query["sex"].map(String.init)
        guard let customer = Self.matchCustomer(scan, sex: sex) else { throw HTTPError(.unprocessableContent, message: "the scan has no foot to match") }
        return try await match(customer, query: query, scanID: scan.id)
    }

    /// One typed foot of `POST /api/match`.
    struct TypedFoot: Decodable {
        var length_mm: Double
        var width_mm: Double
        var heel_width_mm: Double?
        var ball_girth_mm: Double?
        var toe_shape: String?
        var side: String?
    }

    /// The body of `POST /api/match`.
    struct TypedMatch: Decodable {
        var feet: [TypedFoot]
        var sex: String?
    }

    /// `POST /api/match` `{"feet": [{"length_mm", "width_mm", ...}], "sex"}`: typed measures (one foot or
    /// a pair) against the catalogue, bounded as `footscan match --length` bounds them.
    func matchTyped(_ request: Request, context: WorkshopContext) async throws -> Response {
        let body = try await request.decode(as: TypedMatch.self, context: context)
        guard (1...2).contains(body.feet.count) else { throw HTTPError(.badRequest, message: "give one foot or a pair") }
        if let sex = body.sex, sex != "male", sex != "female" { throw HTTPError(.badRequest, message: "sex must be male or female") }
        if let shape = body.feet.compactMap(\.toe_shape).first(where: { !["egyptian", "greek", "roman"].contains($0) }) {
            throw HTTPError(.badRequest, message: "toe_shape \(shape): egyptian, greek or roman")
        }
        var feet: [FootForFitting] = []
        var json: [JSONValue] = []
        for foot in body.feet {
            for (measure, value) in [("length", foot.length_mm), ("width", foot.width_mm), ("heel", foot.heel_width_mm), ("girth", foot.ball_girth_mm)] {
                if let value, let problem = MatchCustomer.typedProblem(measure: measure, value: value) {
                    throw HTTPError(.unprocessableContent, message: problem)
                }
            }
            let fitting = FootForFitting(lengthMM: foot.length_mm, widthMM: foot.width_mm, heelWidthMM: foot.heel_width_mm, toeShape: foot.toe_shape,
                                         girthMM: foot.ball_girth_mm, girthSDMM: 0, sex: body.sex, side: foot.side)
            feet.append(fitting)
            json.append(.object([("side", foot.side.map { .string($0) } ?? .null), ("length_mm", .rounded(foot.length_mm, 1)),
                                 ("width_mm", .rounded(foot.width_mm, 1)), ("heel_width_mm", .rounded(foot.heel_width_mm, 1)),
                                 ("toe_shape", foot.toe_shape.map { .string($0) } ?? .null), ("ball_girth_mm", .rounded(foot.ball_girth_mm, 1))]))
        }
        return try await match(MatchCustomer(label: nil, feet: feet, json: json), query: request.uri.queryParameters, scanID: nil)
    }
}
