import PnoteJSON
import PnoteModel
import PnoteSyntax

/// Semantic tokens: keywords, field keys, ids, references, levels, money, numbers and
/// years, suppression comments.
enum SemanticTokens {
    static let types = ["keyword", "property", "variable", "enumMember", "number", "comment", "string"]
    static let modifiers = ["declaration", "readonly"]
    static let legend: JSON = .object([("tokenTypes", .array(types.map(JSON.string))), ("tokenModifiers", .array(modifiers.map(JSON.string)))])

    enum Kind: Int { case keyword, property, variable, enumMember, number, comment, string }

    struct Token { var range: TextRange; var kind: Kind; var declaration = false }

    static func collect(_ note: Note) -> [Token] {
        var out: [Token] = []
        for setting in note.frontMatter {
            out.append(Token(range: setting.syntax.keyRange, kind: .property))
            switch setting.key {
            case .status?, .language?, .classification?, .focus?, .requires?: out.append(Token(range: setting.syntax.valueRange, kind: .enumMember))
            case .date?, .period?: out.append(Token(range: setting.syntax.valueRange, kind: .number))
            default: break
            }
        }
        for block in note.blocks {
            let h = block.syntax.heading
            if let k = h.keywordRange { out.append(Token(range: k, kind: .keyword)) }
            if let id = h.idRange { out.append(Token(range: id, kind: .variable, declaration: true)) }
            for field in block.fields {
                out.append(Token(range: field.syntax.keyRange, kind: .property))
                let value = field.syntax.valueRange
                switch field.value {
                case .level: out.append(Token(range: value, kind: .enumMember))
                case .references(let refs): out += refs.filter { $0.range.end <= value.end }.map { Token(range: $0.range, kind: .variable) }
                case .budget, .indicatorValue, .taskField, .period, .age: out.append(Token(range: value, kind: .number))
                default: break
                }
            }
        }
        for comment in note.tree.comments where comment.suppression != nil {
            // Tokens may not span lines: one per line of the comment.
            for line in comment.firstLine...comment.lastLine {
                let r = note.source.lineRange(line)
                let start = max(r.start, comment.range.start), end = min(r.end, comment.range.end)
                if end > start { out.append(Token(range: TextRange(start, end), kind: .comment)) }
            }
        }
        return out.sorted { $0.range.start < $1.range.start }
    }

    static func tokens(_ s: DocumentSnapshot, in range: LSPRange?) -> JSON {
        let limit = range.map { s.source.textRange($0, s.encoding) }
        var data: [JSON] = []
        var previous = Position(line: 0, character: 0)
        for token in collect(s.note) {
            if let limit, token.range.end < limit.start || token.range.start > limit.end { continue }
            let start = s.source.position(of: token.range.start, s.encoding)
            let end = s.source.position(of: token.range.end, s.encoding)
            guard end.line == start.line, end.character > start.character else { continue }
            let deltaLine = start.line - previous.line
            let deltaStart = deltaLine == 0 ? start.character - previous.character : start.character
            data += [.int(deltaLine), .int(deltaStart), .int(end.character - start.character), .int(token.kind.rawValue),
                     .int(token.declaration ? 1 : 0)]
            previous = start
        }
        return .object([("data", .array(data))])
    }
}
