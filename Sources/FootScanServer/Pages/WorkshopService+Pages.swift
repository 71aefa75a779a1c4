import FootScanLasts
import FootScanReports
import Foundation
import HTTPTypes
import Hummingbird
import Mustache
import NIOCore

extension WorkshopService {
    /// The counter's pages: sign-in, the counter (upload and latest scans), a scan with its overlay,
    /// numbers and lasts, a printable fitting card, customers and their visits. Server-rendered; the
    /// one script sends a chosen or dropped scan to `POST /api/scans`.
    func addPages(to router: Router<WorkshopContext>) {
        router.get("/static/counter.css") { _, _ in
            JSONResponse.bytes(Array(PageTemplates.stylesheet.utf8), contentType: "text/css; charset=utf-8", headers: [.cacheControl: "max-age=3600"])
        }
        router.get("/static/counter.js") { _, _ in
            JSONResponse.bytes(Array(PageTemplates.script.utf8), contentType: "text/javascript; charset=utf-8", headers: [.cacheControl: "max-age=3600"])
        }
        router.get("/sign-in") { request, _ in try render("signIn", ["name": ""], request: request, session: nil, title: "signIn") }
        router.post("/sign-in") { request, context in try await signInForm(request, context: context) }
        router.post("/sign-out") { request, context in try await signOutForm(request, context: context) }
        router.get("/") { request, _ in try await counterPage(request) }
        router.get("/scans/:id") { request, context in try await scanPage(request, context: context, card: false) }
        router.get("/scans/:id/card") { request, context in try await scanPage(request, context: context, card: true) }
        router.get("/customers") { request, _ in try await customersPage(request) }
        router.post("/customers") { request, context in try await addCustomerForm(request, context: context) }
        router.get("/customers/:id") { request, context in try await customerPage(request, context: context) }
    }

    /// A page's session from its cookie, or nil.
    func pageSession(_ request: Request) async throws -> (session: StaffSession, tokenHash: String)? {
        guard let token = request.cookies[AccessMiddleware.cookieName]?.value else { return nil }
        let hash = Credentials.tokenHash(token)
        return try await store.session(tokenHash: hash, now: Date()).map { ($0, hash) }
    }

    /// The session, or a redirect to the sign-in page.
    func requirePageSession(_ request: Request) async throws -> StaffSession {
        guard let (session, _) = try await pageSession(request) else { throw Self.redirect("/sign-in") }
        return session
    }

    /// A 303 to `location` (thrown, so a handler can stop with it).
    static func redirect(_ location: String) -> HTTPError { HTTPError(.seeOther, headers: [.location: location]) }

    /// Headers every page carries: no framing, no sniffing, scripts and styles from this server only.
    static let pageHeaders: HTTPFields = [
        .contentType: "text/html; charset=utf-8",
        .contentSecurityPolicy: "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
        HTTPField.Name("X-Content-Type-Options")!: "nosniff",
        HTTPField.Name("Referrer-Policy")!: "same-origin",
        .cacheControl: "no-store",
    ]

    /// Renders a template inside the layout, in the browser's language.
    func render(_ template: String, _ data: [String: Any], request: Request, session: StaffSession?, title: String,
                status: HTTPResponse.Status = .ok) throws -> Response {
        let text = PageText(acceptLanguage: request.headers[.acceptLanguage])
        var values = data
        values["t"] = text.strings
        values["csrf"] = session?.csrfToken ?? ""
        guard let content = PageTemplates.library.render(values, withTemplate: template) else {
            throw HTTPError(.internalServerError, message: "page template \(template) missing")
        }
        let page: [String: Any] = ["t": text.strings, "lang": text.language, "csrf": session?.csrfToken ?? "", "staff": session?.staffName ?? false,
                                   "pageTitle": text.strings[title] ?? title, "content": content]
        guard let html = PageTemplates.library.render(page, withTemplate: "layout") else {
            throw HTTPError(.internalServerError, message: "page layout missing")
        }
        return Response(status: status, headers: Self.pageHeaders, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    /// A form's fields (URL-encoded body, at most 64 KiB).
    static func formFields(_ request: Request) async throws -> [String: String] {
        let body = try await request.body.collect(upTo: 64 << 10)
        var fields: [String: String] = [:]
        for pair in String(decoding: body.readableBytesView, as: UTF8.self).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String {
                text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            fields[decode(parts[0])] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return fields
    }

    /// Whether a form post comes from this server's own pages: its `Origin`, when the browser sends
    /// one, names the host the request was sent to.
    static func sameOrigin(_ request: Request) -> Bool {
        guard let origin = request.headers[.origin] else { return true }
        guard let host = request.head.authority else { return false }
        return origin == "http://\(host)" || origin == "https://\(host)"
    }

    /// A form post's CSRF check against the session.
    static func checkForm(_ fields: [String: String], session: StaffSession, request: Request) throws {
        guard sameOrigin(request), Credentials.constantTimeEqual(fields["csrf_token"] ?? "", session.csrfToken) else {
            throw HTTPError(.forbidden, message: "the form is not from this server's page (cross-site requests are refused)")
        }
    }

    func signInForm(_ request: Request, context: WorkshopContext) async throws -> Response {
        guard Self.sameOrigin(request) else { throw HTTPError(.forbidden, message: "cross-site sign-in refused") }
        let fields = try await Self.formFields(request)
        let name = fields["name"] ?? "", password = fields["password"] ?? ""
        guard try await passwordMatches(staffName: name, password: password) else {
            return try render("signIn", ["failed": true, "name": name], request: request, session: nil, title: "signIn", status: .unauthorized)
        }
        let token = try await startSession(staffName: name)
        var response = Response(status: .seeOther, headers: [.location: "/"])
        response.setCookie(token.cookie)
        return response
    }

    func signOutForm(_ request: Request, context: WorkshopContext) async throws -> Response {
        guard let (session, hash) = try await pageSession(request) else { throw Self.redirect("/sign-in") }
        try Self.checkForm(try await Self.formFields(request), session: session, request: request)
        try await store.deleteSession(tokenHash: hash)
        var response = Response(status: .seeOther, headers: [.location: "/sign-in"])
        response.setCookie(Cookie(name: AccessMiddleware.cookieName, value: "", maxAge: 0, path: "/", secure: false, httpOnly: true, sameSite: .strict))
        return response
    }

    static func dateText(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(dateSeparator: .dash, dateTimeSeparator: .space, timeZone: .current).year().month().day().time(includingFractionalSeconds: false))
    }

    /// One line for a scan in a list: each foot's side, length and width.
    static func summary(_ scan: StoredScan) -> String {
        let rows = (try? BatchFile.parse(scan.footRows, jsonLines: true).rows) ?? []
        return rows.compactMap { row in
            guard let length = row.fields["length_mm"], let width = row.fields["width_mm"] else { return nil }
            return "\(row.fields["side"] ?? "?") \(length) × \(width) mm"
        }.joined(separator: ", ")
    }

    func counterPage(_ request: Request) async throws -> Response {
        let session = try await requirePageSession(request)
        let customers = try await store.searchCustomers("", limit: 100).map { ["id": String($0.id), "name": $0.name, "phone": $0.phone] }
        let scans = try await store.latestScans(limit: 10).map { scan -> [String: Any] in
            ["id": String(scan.id), "fileName": scan.fileName, "created": Self.dateText(scan.createdAt), "summary": Self.summary(scan)]
        }
        return try render("counter", ["customers": customers, "scans": scans], request: request, session: session, title: "upload")
    }

    /// A measured number with its unit, or a dash.
    static func measure(_ value: Any?, unit: String = " mm", places: Int = 1) -> String {
        guard let number = value as? Double ?? (value as? NSNumber)?.doubleValue, number.isFinite else { return "–" }
        return String(format: "%.\(places)f", number) + unit
    }

    /// The rows of one foot's table, from the spec's JSON of the foot.
    static func footRows(_ foot: [String: Any], text: [String: String]) -> [[String: String]] {
        var rows: [[String: String]] = [
            ["key": "length_mm", "label": text["length"] ?? "", "value": measure(foot["length_mm"])],
            ["key": "width_mm", "label": text["width"] ?? "", "value": measure(foot["width_mm"])],
            ["key": "ball_width_mm", "label": text["ballWidth"] ?? "", "value": measure(foot["ball_width_mm"])],
            ["key": "heel_width_mm", "label": text["heelWidth"] ?? "", "value": measure(foot["heel_width_mm"])],
            ["key": "toe_shape", "label": text["toeShape"] ?? "", "value": (foot["toe_shape"] as? String) ?? "–"],
        ]
        if foot["arch_index"] is NSNumber {
            rows.append(["key": "arch_index", "label": text["archIndex"] ?? "",
                         "value": measure(foot["arch_index"], unit: "", places: 3) + ((foot["arch_type"] as? String).map { " (\($0))" } ?? "")])
        }
        if foot["ball_girth_mm"] is NSNumber {
            rows.append(["key": "ball_girth_mm", "label": text["girth"] ?? "",
                         "value": measure(foot["ball_girth_mm"]) + " ± " + measure(foot["ball_girth_sd_mm"])])
        }
        if let widthClass = foot["width_class"] as? [String: Any], let name = widthClass["class"] as? String {
            rows.append(["key": "width_class", "label": text["widthClass"] ?? "", "value": name + ((widthClass["system"] as? String).map { " (\($0))" } ?? "")])
        }
        return rows
    }

    func scanPage(_ request: Request, context: WorkshopContext, card: Bool) async throws -> Response {
        let session = try await requirePageSession(request)
        let scan = try await storedScan(context)
        let text = PageText(acceptLanguage: request.headers[.acceptLanguage]).strings
        let measurement = ((try? JSONSerialization.jsonObject(with: Data(scan.measurementJSON.utf8))) as? [String: Any]) ?? [:]
        let feet = ((measurement["feet"] as? [[String: Any]]) ?? []).map { foot -> [String: Any] in
            let side = (foot["side"] as? String) ?? "unknown"
            let warnings = ((foot["warnings"] as? [String]) ?? []).joined(separator: ", ")
            return ["side": side, "sideLabel": text[side] ?? side, "rows": Self.footRows(foot, text: text), "warnings": warnings.isEmpty ? false : warnings]
        }
        var data: [String: Any] = ["id": String(scan.id), "fileName": scan.fileName, "created": Self.dateText(scan.createdAt), "feet": feet,
                                   "customerID": scan.customerID.map { String($0) } ?? false]
        if let customer = Self.matchCustomer(scan, sex: nil) {
            if let failure = customer.failure {
                data["notMatched"] = failure
            } else {
                let result = try await matchResult(customer.feet, top: 3)
                let size = result.size
                data["size"] = "Korean \(size.koreanMM) mm · Mondopoint \(size.mondopoint) · EU \(JSONValue.format(size.eu)) · UK \(JSONValue.format(size.uk))"
                data["lasts"] = result.recommendations.map { r -> [String: Any] in
                    ["lastID": r.last.id, "style": r.last.style.rawValue, "toe": r.last.toeShape.rawValue, "sizeMM": String(Int(r.last.sizeMM)),
                     "width": r.last.width, "score": JSONValue.format((r.score * 100).rounded() / 100), "workshop": r.last.workshop,
                     "fit": r.fits ? (text["fits"] ?? "") : (text["doesNotFit"] ?? ""), "reasons": r.reasons]
                }
                if let best = result.recommendations.first {
                    data["last"] = "\(best.last.id) (\(best.last.style.rawValue), \(Int(best.last.sizeMM)) \(best.last.width), \(best.last.workshop))"
                }
            }
        }
        guard card else { return try render("scan", data, request: request, session: session, title: "scan") }
        // The overlay at true scale: its pixels times the scan's pixel size.
        let widthPixels = (measurement["width_px"] as? NSNumber)?.doubleValue ?? 0, heightPixels = (measurement["height_px"] as? NSNumber)?.doubleValue ?? 0
        data["widthMM"] = String(format: "%.2f", widthPixels * 25.4 / scan.dotsPerInchX)
        data["heightMM"] = String(format: "%.2f", heightPixels * 25.4 / scan.dotsPerInchY)
        if let id = scan.customerID, let customer = try await store.customer(id: id) { data["customer"] = customer.name } else { data["customer"] = "" }
        return try render("card", data, request: request, session: session, title: "card")
    }

    func customersPage(_ request: Request) async throws -> Response {
        let session = try await requirePageSession(request)
        let query = request.uri.queryParameters["q"].map(String.init) ?? ""
        let customers = try await store.searchCustomers(query, limit: 100).map { ["id": String($0.id), "name": $0.name, "phone": $0.phone] }
        return try render("customers", ["customers": customers, "query": query], request: request, session: session, title: "customers")
    }

    func addCustomerForm(_ request: Request, context: WorkshopContext) async throws -> Response {
        let session = try await requirePageSession(request)
        let fields = try await Self.formFields(request)
        try Self.checkForm(fields, session: session, request: request)
        let (name, phone) = try Self.customerFields(name: fields["name"] ?? "", phone: fields["phone"])
        let customer = try await store.addCustomer(name: name, phone: phone)
        return Response(status: .seeOther, headers: [.location: "/customers/\(customer.id)"])
    }

    func customerPage(_ request: Request, context: WorkshopContext) async throws -> Response {
        let session = try await requirePageSession(request)
        let id = try Self.number("id", in: context)
        guard let customer = try await store.customer(id: id) else { throw HTTPError(.notFound, message: "no such customer") }
        func line(_ foot: VisitFoot?) -> String {
            guard let foot else { return "–" }
            var text = "\(Self.measure(foot.lengthMM, unit: "")) × \(Self.measure(foot.widthMM))"
            if let change = foot.change { text += String(format: " (%+.1f / %+.1f)", change.lengthMM, change.widthMM) }
            return text
        }
        let visits = try await visits(customerID: id).map { visit -> [String: Any] in
            ["scanID": String(visit.scan.id), "created": Self.dateText(visit.scan.createdAt), "left": line(visit.left), "right": line(visit.right)]
        }
        return try render("customer", ["name": customer.name, "phone": customer.phone, "visits": visits], request: request, session: session,
                          title: "customers")
    }
}
