import PnoteJSON
import PnoteModel
import PnoteSyntax

/// Definition, references, rename of ids across the workspace, and links to other notes.
enum Navigation {
    /// The block the cursor is about: a heading, or the target of a reference.
    static func block(at offset: Int, _ s: DocumentSnapshot) -> BlockAddress? {
        switch SyntaxTarget.at(offset, in: s.note) {
        case .keyword(let b), .id(let b, _), .title(let b): BlockAddress(note: s.noteIndex, block: b.index)
        case .reference(_, _, let ref): ref.target
        default: nil
        }
    }

    static func location(_ address: BlockAddress, _ s: DocumentSnapshot) -> JSON {
        .object([("uri", .string(s.uris[address.note])),
                 ("range", s.lspRange(s.workspace.block(address).syntax.heading.range, inNote: address.note).json)])
    }

    static func definition(_ s: DocumentSnapshot, _ position: Position) -> JSON {
        guard let address = block(at: s.offset(position), s) else { return .null }
        return location(address, s)
    }

    /// Every reference to `address` in the workspace: (note, range of the reference).
    static func referencesTo(_ address: BlockAddress, _ workspace: Workspace) -> [(note: Int, ref: Reference)] {
        var out: [(Int, Reference)] = []
        for (n, note) in workspace.notes.enumerated() {
            for block in note.blocks {
                for field in block.fields {
                    guard case .references(let refs) = field.value else { continue }
                    out += refs.filter { $0.target == address }.map { (n, $0) }
                }
            }
        }
        return out
    }

    static func references(_ s: DocumentSnapshot, _ position: Position, includeDeclaration: Bool) -> JSON {
        guard let address = block(at: s.offset(position), s) else { return .array([]) }
        var items = referencesTo(address, s.workspace).map { n, ref in
            JSON.object([("uri", .string(s.uris[n])), ("range", s.lspRange(ref.range, inNote: n).json)])
        }
        if includeDeclaration { items.insert(location(address, s), at: 0) }
        return .array(items)
    }

    /// The range that rename changes: the id in `{#id}`, the id of a `#id` reference, or
    /// (for an id made from the title) the title.
    static func renameRange(at offset: Int, _ s: DocumentSnapshot) -> (TextRange, BlockAddress)? {
        switch SyntaxTarget.at(offset, in: s.note) {
        case .id(let b, let r): return (r, BlockAddress(note: s.noteIndex, block: b.index))
        case .title(let b), .keyword(let b):
            let h = b.syntax.heading
            guard let r = h.idRange ?? h.titleRange, !r.isEmpty else { return nil }
            return (r, BlockAddress(note: s.noteIndex, block: b.index))
        case .reference(_, _, let ref):
            guard let target = ref.target else { return nil }
            switch ref.text.target {
            case .id: return (TextRange(ref.range.start + 1, ref.range.end), target)
            case .external(let path, _): return (TextRange(ref.range.start + path.utf8.count + 1, ref.range.end), target)
            case .title: return (ref.range, target)
            }
        default: return nil
        }
    }

    static func prepareRename(_ s: DocumentSnapshot, _ position: Position) -> JSON {
        guard let (range, address) = renameRange(at: s.offset(position), s) else { return .null }
        return .object([("range", s.lspRange(range).json), ("placeholder", .string(s.workspace.block(address).id))])
    }

    static func rename(_ s: DocumentSnapshot, _ position: Position, to newName: String) throws(ResponseError) -> JSON {
        let name = newName.hasPrefix("#") ? String(newName.dropFirst()) : newName
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }) else {
            throw ResponseError(code: ErrorCode.requestFailed, message: "an id has letters, digits, '-', '_' and '.' only: '\(newName)'")
        }
        guard let (_, address) = renameRange(at: s.offset(position), s) else {
            throw ResponseError(code: ErrorCode.requestFailed, message: "there is no block id here to rename")
        }
        let target = s.workspace.block(address)
        let existing = s.workspace.notes[address.note].blockIndices(withID: Folding.fold(name))
        if !existing.isEmpty, existing != [address.block] {
            throw ResponseError(code: ErrorCode.requestFailed, message: "the id '\(name)' is already used in this note")
        }
        var edits: [Int: [JSON]] = [:]
        func edit(_ note: Int, _ range: TextRange, _ text: String) {
            edits[note, default: []].append(.object([("range", s.lspRange(range, inNote: note).json), ("newText", .string(text))]))
        }
        let heading = target.syntax.heading
        switch target.idSource {
        case .heading: edit(address.note, heading.idRange!, name)
        case .field:
            if let f = target.field(.id) { edit(address.note, f.syntax.fullValueRange, name) }
        case .slug:
            edit(address.note, TextRange(heading.contentRange.end, heading.contentRange.end), " {#\(name)}")
        }
        for (n, ref) in referencesTo(address, s.workspace) {
            switch ref.text.target {
            case .id: edit(n, ref.range, "#" + name)
            case .external(let path, _): edit(n, ref.range, path + "#" + name)
            case .title: break  // a reference by title still resolves
            }
        }
        return .object([("changes", .object(edits.sorted { $0.key < $1.key }.map { (s.uris[$0.key], .array($0.value)) }))])
    }

    static func documentLinks(_ s: DocumentSnapshot) -> JSON {
        var links: [JSON] = []
        for block in s.note.blocks {
            for field in block.fields {
                guard case .references(let refs) = field.value else { continue }
                for ref in refs {
                    guard case .external = ref.text.target, let target = ref.target else { continue }
                    links.append(.object([("range", s.lspRange(ref.range).json), ("target", .string(s.uris[target.note])),
                                          ("tooltip", .string(s.workspace.block(target).title))]))
                }
            }
        }
        return .array(links)
    }
}
