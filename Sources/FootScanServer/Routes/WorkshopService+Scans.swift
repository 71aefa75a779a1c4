import FootScanEngine
import FootScanImage
import FootScanLasts
import FootScanOverlay
import FootScanReports
import Foundation
import Hummingbird

extension WorkshopService {
    /// `POST /api/scans`: the body is the scan's bytes (PNG or JPEG, told by content, never by name), or
    /// a multipart form (``ScanUploadForm``: the file in a part named `scan`, the options as fields, a
    /// customer by name and phone). Options: `customer_id`, `name` (the file's name, for people), and the
    /// density as `footscan measure` takes it: `dpi` (where the file states none), `override_dpi`, or
    /// `profile` (a stored scanner profile); `view` and `sex`. 201 with the scan's id and the spec's measurement JSON once the
    /// original is on disk and its row committed; 422 with the engine's one-line reason when the scan
    /// cannot be measured; 413 past the upload limit; 503 when the measuring queue is full.
    func uploadScan(_ request: Request, context: WorkshopContext) async throws -> Response {
        let body = try await request.body.collect(upTo: context.maxUploadSize)
        var options: [String: String] = [:]
        for (key, value) in request.uri.queryParameters { options[String(key)] = String(value) }
        let bytes: [UInt8]
        if let boundary = ScanUploadForm.boundary(contentType: request.headers[.contentType]) {
            let form = try ScanUploadForm.decode(body, boundary: boundary)
            bytes = form.scan.bytes
            options.merge(form.options) { _, form in form }
            if options["customer_id"] == nil, let name = form.customer_name, !name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                options["customer_id"] = String(try await customerID(name: name, phone: form.customer_phone))
            }
        } else {
            bytes = [UInt8](body.readableBytesView)
        }
        guard !bytes.isEmpty else { throw HTTPError(.badRequest, message: "the request has no scan: send the file's bytes as the body") }
        guard let format = ImageFormat.sniff(bytes) else {
            ScanMetrics.failed("not_an_image")
            throw HTTPError(.unsupportedMediaType, message: "not a PNG or JPEG file (told by its content)")
        }
        var customerID: Int64?
        if let text = options["customer_id"] {
            guard let id = Int64(text), try await store.customer(id: id) != nil else {
                throw HTTPError(.unprocessableContent, message: "customer_id \(text): no such customer")
            }
            customerID = id
        }
        let name = Self.displayName(options["name"] ?? "scan.\(format == .png ? "png" : "jpg")")
        let pipeline = try await pipeline(options: options)
        let report: ScanReport
        do { report = try await pool.run { ScanReport.measure(bytes: bytes, file: name, pipeline: pipeline) } } catch {
            ScanMetrics.failed("queue_full")
            throw error
        }
        if let error = report.error {
            ScanMetrics.failed((report.failure ?? .measuring).rawValue)
            throw HTTPError(.unprocessableContent, message: error)
        }
        let hash = try await Self.offloaded { [files] in try files.store(bytes) }
        let rows = FootRow.rows(for: report, hash: hash).map { $0.jsonLine + "\n" }.joined()
        guard let density = report.image?.density else { throw HTTPError(.internalServerError, message: "the scan was measured without a density") }
        let scan = try await store.addScan(StoredScan(
            id: 0, customerID: customerID, contentHash: hash, format: format == .png ? "png" : "jpeg", byteCount: bytes.count, fileName: name,
            createdAt: Date(), dotsPerInchX: density.dotsPerInchX, dotsPerInchY: density.dotsPerInchY, view: pipeline.measurement.view.rawValue,
            measurementJSON: report.json.serialized(), footRows: rows))
        ScanMetrics.measured()
        return JSONResponse.make(Self.json(scan), status: .created, headers: [.location: "/api/scans/\(scan.id)"])
    }

    /// The customer with exactly this name and phone, added when there is none.
    func customerID(name: String, phone: String?) async throws -> Int64 {
        let (name, phone) = try Self.customerFields(name: name, phone: phone)
        if let known = try await store.searchCustomers(name, limit: 100).first(where: { $0.name == name && $0.phone == phone }) { return known.id }
        return try await store.addCustomer(name: name, phone: phone).id
    }

    /// The measuring pipeline the request's options (query or form fields) ask for.
    func pipeline(options query: [String: String]) async throws -> ScanPipeline {
        var options = MeasurementOptions()
        var density: ScanPipeline.GivenDensity?
        func dpi(_ key: String) throws -> Double? {
            guard let text = query[key] else { return nil }
            guard let value = Double(text), value.isFinite, value >= 10, value <= 20_000 else {
                throw HTTPError(.badRequest, message: "\(key) must be a number from 10 to 20000")
            }
            return value
        }
        if let name = query["profile"] {
            guard let toml = try await store.profile(name: name) else { throw HTTPError(.unprocessableContent, message: "no scanner profile named \(name)") }
            let profile = try ScannerProfile.parse(toml, name: name)
            density = .override(profile.density)
            options.view = profile.view
        } else if let value = try dpi("override_dpi") {
            density = .override(ScanDensity(dotsPerInch: value, source: .option))
        } else if let value = try dpi("dpi") {
            density = .fillIn(ScanDensity(dotsPerInch: value, source: .option))
        }
        if let text = query["view"] {
            guard let view = ScanView(rawValue: text) else { throw HTTPError(.badRequest, message: "view must be plantar or dorsal") }
            options.view = view
        }
        if let text = query["sex"] {
            guard let sex = WearerSex(rawValue: text) else { throw HTTPError(.badRequest, message: "sex must be male or female") }
            options.sex = sex
        }
        return ScanPipeline(measurement: options, density: density)
    }

    /// A file name for people: its last path component, printable, at most 200 characters.
    static func displayName(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let printable = String(last.unicodeScalars.filter { $0.value >= 32 && $0.value != 127 }.prefix(200).map(Character.init))
        return printable.isEmpty ? "scan" : printable
    }

    /// A stored scan as JSON: its record and the measurement.
    static func json(_ scan: StoredScan) -> JSONValue {
        .object([
            ("id", .integer(Int(scan.id))),
            ("customer_id", scan.customerID.map { .integer(Int($0)) } ?? .null),
            ("file_name", .string(scan.fileName)),
            ("format", .string(scan.format)),
            ("byte_count", .integer(scan.byteCount)),
            ("content_hash", .string(scan.contentHash)),
            ("created_at", JSONResponse.time(scan.createdAt)),
            ("measurement", .serializedText(scan.measurementJSON)),
        ])
    }

    func storedScan(_ context: WorkshopContext) async throws -> StoredScan {
        guard let scan = try await store.scan(id: try Self.number("id", in: context)) else { throw HTTPError(.notFound, message: "no such scan") }
        return scan
    }

    /// `GET /api/scans/:id`.
    func scan(_ request: Request, context: WorkshopContext) async throws -> Response {
        JSONResponse.make(Self.json(try await storedScan(context)))
    }

    /// `GET /api/scans?limit=N`: the latest scans, newest first (at most 500).
    func listScans(_ request: Request, context: WorkshopContext) async throws -> Response {
        let limit = request.uri.queryParameters["limit"].map { Int(String($0)) } ?? 50
        guard let limit, (1...500).contains(limit) else { throw HTTPError(.badRequest, message: "limit must be 1 to 500") }
        return JSONResponse.make(.array(try await store.latestScans(limit: limit).map(Self.json)))
    }

    /// The original's bytes, checked against the hash they are filed under.
    func originalBytes(_ scan: StoredScan) async throws -> [UInt8] {
        let bytes = try await Self.offloaded { [files] in try files.read(hash: scan.contentHash) }
        guard let bytes, ScanFiles.hash(bytes) == scan.contentHash else {
            throw HTTPError(.internalServerError, message: "the original of scan \(scan.id) is missing or damaged on disk: restore it from the backup")
        }
        return bytes
    }

    /// `GET /api/scans/:id/original`: the bytes as uploaded.
    func original(_ request: Request, context: WorkshopContext) async throws -> Response {
        let scan = try await storedScan(context)
        return JSONResponse.bytes(try await originalBytes(scan), contentType: scan.format == "png" ? "image/png" : "image/jpeg",
                                  headers: [.contentDisposition: "attachment; filename=\"scan-\(scan.id).\(scan.format == "png" ? "png" : "jpg")\""])
    }

    /// `GET /api/scans/:id/overlay.png`: the scan with what was measured drawn on it (measured again
    /// from the original with the stored density, so the drawing matches the numbers).
    func overlay(_ request: Request, context: WorkshopContext) async throws -> Response {
        let scan = try await storedScan(context)
        let bytes = try await originalBytes(scan)
        let density = ScanDensity(dotsPerInchX: scan.dotsPerInchX, dotsPerInchY: scan.dotsPerInchY, source: .option)
        let pipeline = ScanPipeline(measurement: MeasurementOptions(view: ScanView(rawValue: scan.view) ?? .plantar), density: .override(density))
        let png: [UInt8]? = try await pool.run {
            let report = ScanReport.measure(bytes: bytes, file: scan.fileName, pipeline: pipeline)
            guard let image = report.image, let measurement = report.measurement else { return nil }
            return try? OverlayRenderer.png(image: image, measurement: measurement)
        }
        guard let png else { throw HTTPError(.internalServerError, message: "the overlay of scan \(scan.id) could not be drawn") }
        return JSONResponse.bytes(png, contentType: "image/png")
    }
}

