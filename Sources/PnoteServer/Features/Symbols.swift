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
                for block in note.blocks where q.isEmpty || Symbols.contains(block.foldedTitle, q) || Symbols.contains(block.foldedID, q) {
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

    /// Whether `text` holds `part`, byte for byte, in time linear in both (Knuth–Morris–
    /// Pratt). `String.contains` compares at every start: a long query against a heading
    /// of megabytes took minutes.
    static func contains(_ text: String, _ part: String) -> Bool {
        let p = Array(part.utf8)
        guard !p.isEmpty else { return true }
        // fail[i]: the length of the longest proper border of p[0...i].
        var fail = [Int](repeating: 0, count: p.count)
        var k = 0
        for i in 1..<max(1, p.count) {
            while k > 0 && p[i] != p[k] { k = fail[k - 1] }
            if p[i] == p[k] { k += 1 }
            fail[i] = k
        }
        k = 0
        for byte in text.utf8 {
            while k > 0 && byte != p[k] { k = fail[k - 1] }
            if byte == p[k] { k += 1 }
            if k == p.count { return true }
        }
        return false
    }
}
