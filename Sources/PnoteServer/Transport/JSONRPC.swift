import PnoteJSON

/// A JSON-RPC request id: a number or a string.
public enum RequestID: Hashable, Sendable {
    case int(Int)
    case string(String)

    public var json: JSON {
        switch self {
        case .int(let i): .int(i)
        case .string(let s): .string(s)
        }
    }

    init?(_ json: JSON) {
        switch json {
        case .int(let i): self = .int(i)
        case .string(let s): self = .string(s)
        default: return nil
        }
    }
}

/// JSON-RPC and LSP error codes.
public enum ErrorCode {
    public static let parseError = -32700
    public static let invalidRequest = -32600
    public static let methodNotFound = -32601
    public static let invalidParams = -32602
    public static let internalError = -32603
    public static let serverNotInitialized = -32002
    public static let requestCancelled = -32800
    public static let requestFailed = -32803
}

/// An error answered to a request.
public struct ResponseError: Error, Sendable {
    public var code: Int
    public var message: String

    public init(code: Int, message: String) {
        self.code = code
        self.message = message
    }

    public static func invalidParams(_ message: String) -> ResponseError {
        ResponseError(code: ErrorCode.invalidParams, message: message)
    }

    public var json: JSON { .object([("code", .int(code)), ("message", .string(message))]) }
}

/// One incoming message, classified.
public enum IncomingMessage: Sendable {
    case request(id: RequestID, method: String, params: JSON)
    case notification(method: String, params: JSON)
    case response(id: RequestID?, result: JSON?, error: JSON?)

    /// Reads a message body. A body that is not JSON is -32700; JSON that is not a
    /// request, notification or response (a batch array, a number) is -32600.
    public static func decode(_ body: [UInt8]) -> Result<IncomingMessage, ResponseError> {
        let json: JSON
        do { json = try JSONParser.parse(bytes: body) } catch {
            return .failure(ResponseError(code: ErrorCode.parseError, message: "not valid JSON: \(error.message) (line \(error.line), column \(error.column))"))
        }
        guard case .object = json else {
            return .failure(ResponseError(code: ErrorCode.invalidRequest, message: json.arrayValue != nil
                ? "batch messages are not supported by the Language Server Protocol" : "a message must be a JSON object"))
        }
        let params = json["params"] ?? .null
        if let method = json["method"] {
            guard let name = method.stringValue else {
                return .failure(ResponseError(code: ErrorCode.invalidRequest, message: "'method' must be a string"))
            }
            if let rawID = json["id"], rawID != .null {
                guard let id = RequestID(rawID) else {
                    return .failure(ResponseError(code: ErrorCode.invalidRequest, message: "'id' must be a number or a string"))
                }
                return .success(.request(id: id, method: name, params: params))
            }
            return .success(.notification(method: name, params: params))
        }
        if json["result"] != nil || json["error"] != nil {
            return .success(.response(id: json["id"].flatMap(RequestID.init), result: json["result"], error: json["error"]))
        }
        return .failure(ResponseError(code: ErrorCode.invalidRequest, message: "neither a request, a notification nor a response"))
    }

    /// The id of a broken request, when one can still be read (to answer it).
    public static func salvageID(_ body: [UInt8]) -> RequestID? {
        guard let json = try? JSONParser.parse(bytes: body) else { return nil }
        return json["id"].flatMap(RequestID.init)
    }
}

public enum OutgoingMessage {
    public static func response(id: RequestID?, result: JSON) -> JSON {
        .object([("jsonrpc", .string("2.0")), ("id", id?.json ?? .null), ("result", result)])
    }

    public static func error(id: RequestID?, _ error: ResponseError) -> JSON {
        .object([("jsonrpc", .string("2.0")), ("id", id?.json ?? .null), ("error", error.json)])
    }

    public static func notification(_ method: String, _ params: JSON) -> JSON {
        .object([("jsonrpc", .string("2.0")), ("method", .string(method)), ("params", params)])
    }

    public static func request(id: RequestID, _ method: String, _ params: JSON) -> JSON {
        .object([("jsonrpc", .string("2.0")), ("id", id.json), ("method", .string(method)), ("params", params)])
    }
}
