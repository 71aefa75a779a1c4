import FootScanReports
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Responses the routes build: the spec's ordered JSON, bytes with their type, and errors as JSON.
enum JSONResponse {
    /// `value` as `application/json` with `status`.
    static func make(_ value: JSONValue, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: value.serialized() + "\n")))
    }

    /// Bytes with a content type.
    static func bytes(_ bytes: [UInt8], contentType: String, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = contentType
        return Response(status: .ok, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// A time as ISO 8601 UTC.
    static func time(_ date: Date) -> JSONValue {
        .string(date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: false)))
    }
}

/// Turns errors that are not HTTP errors (a full disk, a broken database) into a 500 with a JSON reason
/// and the request's id, logged, instead of an empty 500.
struct ErrorMappingMiddleware: RouterMiddleware {
    typealias Context = WorkshopContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as any HTTPResponseError {
            // A body past the limit (NIO's error, no body): say so in JSON like every other refusal.
            if error.status == .contentTooLarge, !(error is HTTPError) {
                throw HTTPError(.contentTooLarge, message: "the upload is larger than the limit of \(context.maxUploadSize >> 20) MiB")
            }
            throw error
        } catch let error as MeasuringPool.Full {
            _ = error
            throw HTTPError(.serviceUnavailable, headers: [.retryAfter: "2"], message: "the scanner queue is full: try again in a few seconds")
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(error)"])
            throw HTTPError(.internalServerError, message: "the server could not finish the request (request \(context.id)): see its log")
        }
    }
}
