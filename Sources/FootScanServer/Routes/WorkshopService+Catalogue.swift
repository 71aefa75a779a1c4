import FootScanLasts
import FootScanReports
import Foundation
import Hummingbird
import NIOCore

extension WorkshopService {
    /// `PUT /api/catalogue`: a last catalogue as CSV (the columns of `Samples/lasts/seongsu.csv`),
    /// validated as `footscan lasts validate` validates it and refused whole (422, every mistake with
    /// its line and column) or stored as the current catalogue; earlier catalogues are kept.
    func putCatalogue(_ request: Request, context: WorkshopContext) async throws -> Response {
        let body = try await request.body.collect(upTo: context.maxUploadSize)
        guard let text = String(validating: body.readableBytesView, as: UTF8.self) else {
            throw HTTPError(.unprocessableContent, message: "the catalogue is not UTF-8 text")
        }
        let catalogue: LastCatalogue
        do { catalogue = try LastCatalogue.parse(csv: text) } catch {
            let issues = error.issues.map { issue in
                JSONValue.object([("line", .integer(issue.line)), ("column", issue.column.map { .string($0) } ?? .null),
                                  ("message", .string(issue.message))])
            }
            return JSONResponse.make(.object([("error", .object([("message", .string("the catalogue was refused whole: \(error.issues.count) mistake(s)"))])),
                                              ("issues", .array(issues))]), status: .unprocessableContent)
        }
        let id = try await store.addCatalogue(csv: text, lastCount: catalogue.lasts.count, uploadedBy: context.identity?.name ?? "")
        return JSONResponse.make(.object([("id", .integer(Int(id))), ("lasts", .integer(catalogue.lasts.count))]), status: .created)
    }

    /// `GET /api/catalogue`: the current catalogue's CSV as uploaded (404 until one is).
    func catalogue(_ request: Request, context: WorkshopContext) async throws -> Response {
        guard let current = try await store.currentCatalogue() else {
            throw HTTPError(.notFound, message: "no catalogue uploaded: matches use the built-in sample catalogue")
        }
        return JSONResponse.bytes(Array(current.csv.utf8), contentType: "text/csv; charset=utf-8")
    }

    /// `PUT /api/profiles/:name`: a scanner profile as `footscan calibrate` writes it (TOML), checked.
    func putProfile(_ request: Request, context: WorkshopContext) async throws -> Response {
        guard let name = context.parameters.get("name"), !name.isEmpty, name.count <= 64,
              name.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_" }) else {
            throw HTTPError(.badRequest, message: "a profile's name is 1 to 64 letters, digits, - or _")
        }
        let body: ByteBuffer
        do { body = try await request.body.collect(upTo: 64 << 10) } catch {
            throw HTTPError(.contentTooLarge, message: "a scanner profile is at most 64 KiB")
        }
        let text = String(decoding: body.readableBytesView, as: UTF8.self)
        let profile: ScannerProfile
        do { profile = try ScannerProfile.parse(text, name: name) } catch { throw HTTPError(.unprocessableContent, message: error.description) }
        try await store.putProfile(name: name, toml: text)
        return JSONResponse.make(.object([("name", .string(name)), ("dpi_x", .rounded(profile.density.dotsPerInchX, 3)),
                                          ("dpi_y", .rounded(profile.density.dotsPerInchY, 3)), ("view", .string(profile.view.rawValue))]),
                                 status: .created)
    }

    /// `GET /api/profiles/:name`: the profile's TOML.
    func profile(_ request: Request, context: WorkshopContext) async throws -> Response {
        guard let name = context.parameters.get("name"), let toml = try await store.profile(name: name) else {
            throw HTTPError(.notFound, message: "no such profile")
        }
        return JSONResponse.bytes(Array(toml.utf8), contentType: "application/toml; charset=utf-8")
    }
}
