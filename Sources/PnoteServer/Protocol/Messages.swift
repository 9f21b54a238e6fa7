import PnoteJSON

/// A request: its method name, its typed parameters and what it answers.
public protocol LSPRequest {
    associatedtype Params: ParamsDecodable
    static var method: String { get }
}

/// A notification: a method name and typed parameters, no answer.
public protocol LSPNotification {
    associatedtype Params: ParamsDecodable
    static var method: String { get }
}

public protocol ParamsDecodable: Sendable {
    init(json: JSON) throws(ResponseError)
}

extension JSON {
    func require(_ key: String) throws(ResponseError) -> JSON {
        guard let v = self[key], v != .null else { throw .invalidParams("missing '\(key)'") }
        return v
    }

    func requireString(_ key: String) throws(ResponseError) -> String {
        guard let s = try require(key).stringValue else { throw .invalidParams("'\(key)' must be a string") }
        return s
    }
}

public struct NoParams: ParamsDecodable {
    public init(json: JSON) {}
}

public struct TextDocumentParams: ParamsDecodable {
    public var uri: String
    public init(json: JSON) throws(ResponseError) { uri = try json.require("textDocument").requireString("uri") }
}

public struct TextDocumentPositionParams: ParamsDecodable {
    public var uri: String
    public var position: Position
    public init(json: JSON) throws(ResponseError) {
        uri = try json.require("textDocument").requireString("uri")
        position = try Position(json: json.require("position"))
    }
}

public struct TextDocumentRangeParams: ParamsDecodable {
    public var uri: String
    public var range: LSPRange
    public init(json: JSON) throws(ResponseError) {
        uri = try json.require("textDocument").requireString("uri")
        range = try LSPRange(json: json.require("range"))
    }
}

public struct DidOpenParams: ParamsDecodable {
    public var uri: String, version: Int, text: String
    public init(json: JSON) throws(ResponseError) {
        let doc = try json.require("textDocument")
        uri = try doc.requireString("uri")
        version = doc["version"]?.intValue ?? 0
        text = try doc.requireString("text")
    }
}

public struct ContentChange: Sendable {
    public var range: LSPRange?
    public var text: String
}

public struct DidChangeParams: ParamsDecodable {
    public var uri: String, version: Int?, changes: [ContentChange]
    public init(json: JSON) throws(ResponseError) {
        let doc = try json.require("textDocument")
        uri = try doc.requireString("uri")
        version = doc["version"]?.intValue
        guard let list = try json.require("contentChanges").arrayValue else { throw .invalidParams("'contentChanges' must be a list") }
        var changes: [ContentChange] = []
        for item in list {
            guard let text = item["text"]?.stringValue else { throw .invalidParams("a content change needs 'text'") }
            changes.append(ContentChange(range: try item["range"].map { j throws(ResponseError) in try LSPRange(json: j) }, text: text))
        }
        self.changes = changes
    }
}

public struct ReferenceParams: ParamsDecodable {
    public var base: TextDocumentPositionParams, includeDeclaration: Bool
    public init(json: JSON) throws(ResponseError) {
        base = try TextDocumentPositionParams(json: json)
        includeDeclaration = json["context"]?["includeDeclaration"]?.boolValue ?? false
    }
}

public struct RenameParams: ParamsDecodable {
    public var base: TextDocumentPositionParams, newName: String
    public init(json: JSON) throws(ResponseError) {
        base = try TextDocumentPositionParams(json: json)
        newName = try json.requireString("newName")
    }
}

public struct CodeActionParams: ParamsDecodable {
    public var uri: String, range: LSPRange, only: [String]?
    public init(json: JSON) throws(ResponseError) {
        let r = try TextDocumentRangeParams(json: json)
        uri = r.uri
        range = r.range
        only = json["context"]?["only"]?.arrayValue?.compactMap(\.stringValue)
    }
}

public struct WorkspaceSymbolParams: ParamsDecodable {
    public var query: String
    public init(json: JSON) throws(ResponseError) { query = json["query"]?.stringValue ?? "" }
}

public struct CancelParams: ParamsDecodable {
    public var id: RequestID?
    public init(json: JSON) { id = json["id"].flatMap(RequestID.init) }
}

public struct SetTraceParams: ParamsDecodable {
    public var value: String
    public init(json: JSON) throws(ResponseError) { value = try json.requireString("value") }
}

public struct FileEventsParams: ParamsDecodable {
    /// (uri, 1 created / 2 changed / 3 deleted)
    public var changes: [(uri: String, type: Int)]
    public init(json: JSON) throws(ResponseError) {
        guard let list = try json.require("changes").arrayValue else { throw .invalidParams("'changes' must be a list") }
        changes = list.compactMap { item in
            guard let uri = item["uri"]?.stringValue, let type = item["type"]?.intValue else { return nil }
            return (uri, type)
        }
    }
}

public struct WorkspaceFoldersChangeParams: ParamsDecodable {
    public var added: [String], removed: [String]
    public init(json: JSON) throws(ResponseError) {
        let event = try json.require("event")
        added = event["added"]?.arrayValue?.compactMap { $0["uri"]?.stringValue } ?? []
        removed = event["removed"]?.arrayValue?.compactMap { $0["uri"]?.stringValue } ?? []
    }
}

public struct ConfigurationChangeParams: ParamsDecodable {
    public var settings: JSON
    public init(json: JSON) { settings = json["settings"] ?? .null }
}

/// `initialize`: what the server needs from the client.
public struct InitializeParams: ParamsDecodable {
    public var capabilities: JSON
    public var folders: [String]
    public var locale: String?
    public var initializationOptions: JSON?

    public init(json: JSON) throws(ResponseError) {
        guard case .object = json else { throw .invalidParams("initialize needs an object of parameters") }
        capabilities = json["capabilities"] ?? .object([])
        var folders = json["workspaceFolders"]?.arrayValue?.compactMap { $0["uri"]?.stringValue } ?? []
        if folders.isEmpty, let root = json["rootUri"]?.stringValue { folders = [root] }
        if folders.isEmpty, let path = json["rootPath"]?.stringValue { folders = [DocumentURI.uri(ofPath: path)] }
        self.folders = folders
        locale = json["locale"]?.stringValue
        initializationOptions = json["initializationOptions"]
    }

    func capability(_ path: String...) -> JSON? {
        var current: JSON? = capabilities
        for key in path { current = current?[key] }
        return current
    }
}
