import Foundation
import PnoteFiles
import PnoteJSON
import PnoteModel
import PnoteRules
import PnoteSyntax

extension LanguageServer {
    typealias RequestHandler = @Sendable (LanguageServer, JSON) throws(ResponseError) -> JSON
    typealias NotificationHandler = @Sendable (LanguageServer, JSON) throws(ResponseError) -> Void

    static func on<R: LSPRequest>(_ r: R.Type, _ body: @escaping @Sendable (LanguageServer, R.Params) throws(ResponseError) -> JSON) -> (String, RequestHandler) {
        (R.method, { server, json throws(ResponseError) in try body(server, try R.Params(json: json)) })
    }

    static func on<N: LSPNotification>(_ n: N.Type, _ body: @escaping @Sendable (LanguageServer, N.Params) throws(ResponseError) -> Void) -> (String, NotificationHandler) {
        (N.method, { server, json throws(ResponseError) in try body(server, try N.Params(json: json)) })
    }

    /// A document request: null (or an empty list) for a document the server does not know.
    static func onDocument<R: LSPRequest>(_ r: R.Type, empty: JSON = .null, uri: @escaping @Sendable (R.Params) -> String,
                                          _ body: @escaping @Sendable (DocumentSnapshot, R.Params) throws(ResponseError) -> JSON) -> (String, RequestHandler) {
        on(r) { server, params throws(ResponseError) in
            guard let snapshot = server.snapshot(uri(params)) else { return empty }
            return try body(snapshot, params)
        }
    }

    static let requests: [String: RequestHandler] = Dictionary(uniqueKeysWithValues: [
        on(InitializeRequest.self) { server, params in server.initialize(params) },
        on(ShutdownRequest.self) { server, _ in
            server.phase = .shutDown
            server.finishAnalyses()  // every diagnostic is out before the reply
            return .null
        },
        onDocument(HoverRequest.self, uri: \.uri) { s, p in Hover.hover(s, p.position) },
        onDocument(CompletionRequest.self, empty: .array([]), uri: \.uri) { s, p in Completion.items(s, p.position) },
        onDocument(DefinitionRequest.self, uri: \.uri) { s, p in Navigation.definition(s, p.position) },
        onDocument(ReferencesRequest.self, empty: .array([]), uri: \.base.uri) { s, p in
            Navigation.references(s, p.base.position, includeDeclaration: p.includeDeclaration)
        },
        onDocument(PrepareRenameRequest.self, uri: \.uri) { s, p in Navigation.prepareRename(s, p.position) },
        onDocument(RenameRequest.self, uri: \.base.uri) { s, p throws(ResponseError) in try Navigation.rename(s, p.base.position, to: p.newName) },
        onDocument(DocumentSymbolRequest.self, empty: .array([]), uri: \.uri) { s, _ in Symbols.documentSymbols(s) },
        on(WorkspaceSymbolRequest.self) { server, p in Symbols.workspaceSymbols(server.workspaces, p.query, server.encoding) },
        onDocument(CodeActionRequest.self, empty: .array([]), uri: \.uri) { s, p in CodeActions.actions(s, p.range, only: p.only) },
        onDocument(SemanticTokensFullRequest.self, uri: \.uri) { s, _ in SemanticTokens.tokens(s, in: nil) },
        onDocument(SemanticTokensRangeRequest.self, uri: \.uri) { s, p in SemanticTokens.tokens(s, in: p.range) },
        onDocument(FoldingRangeRequest.self, empty: .array([]), uri: \.uri) { s, _ in Decorations.foldingRanges(s) },
        onDocument(InlayHintRequest.self, empty: .array([]), uri: \.uri) { s, p in Decorations.inlayHints(s, p.range) },
        onDocument(CodeLensRequest.self, empty: .array([]), uri: \.uri) { s, _ in Decorations.codeLenses(s) },
        onDocument(DocumentLinkRequest.self, empty: .array([]), uri: \.uri) { s, _ in Navigation.documentLinks(s) },
        onDocument(DocumentDiagnosticRequest.self, empty: .object([("kind", .string("full")), ("items", .array([]))]), uri: \.uri) { s, _ in
            .object([("kind", .string("full")), ("items", .array(DiagnosticConversion.items(s)))])
        },
        on(WorkspaceDiagnosticRequest.self) { server, _ in server.workspaceDiagnostics() },
    ])

    static let notifications: [String: NotificationHandler] = Dictionary(uniqueKeysWithValues: [
        on(InitializedNotification.self) { server, _ in server.initialized() },
        on(ExitNotification.self) { server, _ in server.exit() },
        on(DidOpenNotification.self) { server, p in
            server.documents[p.uri] = (p.version, Array(p.text.utf8))
            server.workspaces.update(uri: p.uri, bytes: Array(p.text.utf8))
            server.scheduleDiagnostics(p.uri)
        },
        on(DidChangeNotification.self) { server, p in server.change(p) },
        on(DidCloseNotification.self) { server, p in
            server.documents[p.uri] = nil
            server.workspaces.revert(uri: p.uri)
            if !server.pullDiagnostics {
                server.notify("textDocument/publishDiagnostics", .object([("uri", .string(p.uri)), ("diagnostics", .array([]))]))
            }
        },
        on(DidSaveNotification.self) { server, _ in server.scheduleDiagnosticsForOpenDocuments() },
        on(DidChangeWatchedFilesNotification.self) { server, p in server.filesChanged(p) },
        on(DidChangeFoldersNotification.self) { server, p in
            for uri in p.removed { if let path = DocumentURI.path(of: uri) { server.workspaces.removeFolder(path) } }
            for uri in p.added { if let path = DocumentURI.path(of: uri) { server.workspaces.addFolder(path) } }
            for uri in server.documents.keys where server.workspaces.locate(uri) == nil {
                server.workspaces.update(uri: uri, bytes: server.documents[uri]!.bytes)
            }
            server.scheduleDiagnosticsForOpenDocuments()
        },
        on(DidChangeConfigurationNotification.self) { server, p in
            if let section = p.settings["pnote"] ?? (p.settings == .null ? nil : p.settings) { server.applyClientSettings(section) }
            if server.asksForConfiguration { server.fetchConfiguration() }
            server.scheduleDiagnosticsForOpenDocuments()
        },
        on(SetTraceNotification.self) { server, p in server.trace = p.value },
    ])

    // MARK: Lifecycle

    func initialize(_ params: InitializeParams) -> JSON {
        let offered = params.capability("general", "positionEncodings")?.arrayValue?.compactMap(\.stringValue) ?? []
        encoding = PositionEncoding.negotiate(offered)
        pullDiagnostics = params.capability("textDocument", "diagnostic") != nil
        asksForConfiguration = params.capability("workspace", "configuration")?.boolValue ?? false
        if let l = params.locale { locale = l.lowercased().hasPrefix("nl") ? .nl : .en }
        for uri in params.folders { if let path = DocumentURI.path(of: uri) { workspaces.addFolder(path) } }
        if let options = params.initializationOptions, options != .null { applyClientSettings(options["pnote"] ?? options) }
        phase = .running
        log("initialized: \(workspaces.entries.count) folders, \(workspaces.entries.reduce(0) { $0 + $1.workspace.notes.count }) notes, \(encoding.rawValue)")
        var capabilities: [(String, JSON)] = [
            ("positionEncoding", .string(encoding.rawValue)),
            ("textDocumentSync", .object([("openClose", .bool(true)), ("change", .int(2)),
                                         ("save", .object([("includeText", .bool(false))]))])),
            ("hoverProvider", .bool(true)),
            ("completionProvider", .object([("triggerCharacters", .array(["#", ":", " "].map(JSON.string))),
                                           ("resolveProvider", .bool(false))])),
            ("definitionProvider", .bool(true)),
            ("referencesProvider", .bool(true)),
            ("renameProvider", .object([("prepareProvider", .bool(true))])),
            ("documentSymbolProvider", .bool(true)),
            ("workspaceSymbolProvider", .bool(true)),
            ("codeActionProvider", .object([("codeActionKinds", .array(["quickfix", "refactor", "source.fixAll", "source.fixAll.pnote"].map(JSON.string)))])),
            ("semanticTokensProvider", .object([("legend", SemanticTokens.legend), ("full", .bool(true)), ("range", .bool(true))])),
            ("foldingRangeProvider", .bool(true)),
            ("inlayHintProvider", .bool(true)),
            ("codeLensProvider", .object([("resolveProvider", .bool(false))])),
            ("documentLinkProvider", .object([("resolveProvider", .bool(false))])),
            ("workspace", .object([("workspaceFolders", .object([("supported", .bool(true)), ("changeNotifications", .bool(true))]))])),
        ]
        if pullDiagnostics {
            capabilities.append(("diagnosticProvider", .object([("identifier", .string("pnote")), ("interFileDependencies", .bool(true)),
                                                                ("workspaceDiagnostics", .bool(true))])))
        }
        watchedFilesRegistration = params.capability("workspace", "didChangeWatchedFiles", "dynamicRegistration")?.boolValue ?? false
        return .object([("capabilities", .object(capabilities)),
                        ("serverInfo", .object([("name", .string(LanguageServer.name)), ("version", .string(LanguageServer.version))]))])
    }

    func initialized() {
        if watchedFilesRegistration {
            let watcher: JSON = .object([("globPattern", .string("**/{*.pnote,pnote.json}"))])
            let registration: JSON = .object([("id", .string("pnote-watch")), ("method", .string("workspace/didChangeWatchedFiles")),
                                              ("registerOptions", .object([("watchers", .array([watcher]))]))])
            request("client/registerCapability", .object([("registrations", .array([registration]))])) { _ in }
        }
        if asksForConfiguration { fetchConfiguration() }
    }

    func exit() {
        onExitHandler(phase == .shutDown ? 0 : 1)
    }

    // MARK: Documents and files

    func change(_ p: DidChangeParams) {
        guard var doc = documents[p.uri] else {
            log("a change for '\(p.uri)', which is not open, was ignored", level: 2)
            return
        }
        var edited: EditableText?
        for change in p.changes {
            if let range = change.range {
                if edited == nil { edited = EditableText(doc.bytes) }
                edited!.replace(range, with: Array(change.text.utf8), encoding)
            } else {
                edited = nil
                doc.bytes = Array(change.text.utf8)
            }
        }
        if let edited { doc.bytes = edited.bytes }
        doc.version = p.version ?? doc.version + 1
        documents[p.uri] = doc
        if doc.bytes.count > SourceText.maximumSize {
            // Messages are at most 64 MiB, but edits can add up: the model keeps 32-bit offsets.
            log("'\(p.uri)' has grown past 4 GiB; only its first 4 GiB are checked", level: 1)
        }
        let replaced = workspaces.update(uri: p.uri, bytes: doc.bytes)
        scheduleDiagnostics(p.uri)
        freeAfterAnalysis(replaced)
    }

    func filesChanged(_ p: FileEventsParams) {
        var configurationChanged = false
        for (uri, type) in p.changes {
            if uri.hasSuffix("/" + Configuration.fileName) { configurationChanged = true; continue }
            guard documents[uri] == nil else { continue }  // the editor's text wins over the disk
            if type == 3 { workspaces.revert(uri: uri); continue }
            if let path = DocumentURI.path(of: uri), let bytes = RegularFile.contents(atPath: path, maximumSize: SourceText.maximumSize) {
                workspaces.update(uri: uri, bytes: bytes)
            }
        }
        if configurationChanged { configurations = ConfigurationLocator(explicitPath: nil, currentDirectory: "/") }
        scheduleDiagnosticsForOpenDocuments()
    }

    // MARK: Configuration from the client (section `pnote`)

    func fetchConfiguration() {
        request("workspace/configuration", .object([("items", .array([.object([("section", .string("pnote"))])]))])) { result in
            guard let settings = result?.arrayValue?.first, settings != .null else { return }
            self.queue.async {
                self.applyClientSettings(settings)
                self.scheduleDiagnosticsForOpenDocuments()
            }
        }
    }

    func applyClientSettings(_ settings: JSON) {
        guard case .object = settings else { return }
        do {
            clientSettings = try Configuration.parse(settings.serialized(), path: "settings: pnote")
        } catch {
            log("the editor's pnote settings are broken: \(error.message)", level: 1)
        }
    }

    func workspaceDiagnostics() -> JSON {
        var reports: [JSON] = []
        for entry in workspaces.entries {
            for uri in entry.uris {
                guard let snapshot = snapshot(uri) else { continue }
                var report: [(String, JSON)] = [("kind", .string("full")), ("uri", .string(uri))]
                report.append(("version", snapshot.version.map(JSON.int) ?? .null))
                report.append(("items", .array(DiagnosticConversion.items(snapshot))))
                reports.append(.object(report))
            }
        }
        return .object([("items", .array(reports))])
    }
}

