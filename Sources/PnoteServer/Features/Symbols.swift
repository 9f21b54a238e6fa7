import PnoteJSON
import PnoteModel
import PnoteSyntax

/// The outline of a note (domains, groups, measures, goals, indicators, envelopes) and
/// symbol search across the workspace.
enum Symbols {
    static func kind(_ k: BlockKind) -> Int {
        switch k {
        case .domain: 3  // Namespace
        case .targetGroup: 23  // Struct
        case .measure: 12  // Function
        case .goal: 24  // Event
        case .indicator: 8  // Field
        case .budget: 14  // Constant
        }
    }

    static func documentSymbols(_ s: DocumentSnapshot) -> JSON {
        func symbol(_ index: Int) -> JSON {
            let block = s.note.blocks[index]
            return .object([("name", .string(block.title.isEmpty ? "#" + block.id : block.title)),
                            ("detail", .string(block.kind.name.text(s.language))),
                            ("kind", .int(kind(block.kind))),
                            ("range", s.lspRange(block.syntax.range).json),
                            ("selectionRange", s.lspRange(block.syntax.heading.range).json),
                            ("children", .array(block.children.map(symbol)))])
        }
        return .array(s.note.tree.rootBlocks.map(symbol))
    }

    static func workspaceSymbols(_ set: WorkspaceSet, _ query: String, _ encoding: PositionEncoding) -> JSON {
        let q = Folding.fold(query)
        var out: [JSON] = []
        for entry in set.entries {
            for (n, note) in entry.workspace.notes.enumerated() {
                for block in note.blocks where q.isEmpty || Folding.fold(block.title).contains(q) || Folding.fold(block.id).contains(q) {
                    out.append(.object([("name", .string(block.title.isEmpty ? "#" + block.id : block.title)),
                                        ("kind", .int(kind(block.kind))),
                                        ("location", .object([("uri", .string(entry.uris[n])),
                                                              ("range", note.source.range(block.syntax.heading.range, encoding).json)])),
                                        ("containerName", .string(note.path))]))
                    if out.count >= 500 { return .array(out) }
                }
            }
        }
        return .array(out)
    }
}
