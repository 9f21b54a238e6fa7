/// The kinds of structured block (spec section 4). The keyword spellings are part of the
/// format's grammar, so they live here, in the syntax layer.
public enum BlockKind: String, CaseIterable, Sendable, Codable {
    case domain, targetGroup, measure, goal, indicator, budget

    /// Keyword spellings, Dutch first, matched case-insensitively.
    public var keywords: [String] {
        switch self {
        case .domain: ["domein", "domain"]
        case .targetGroup: ["doelgroep", "target group"]
        case .measure: ["maatregel", "interventie", "measure", "intervention"]
        case .goal: ["doel", "goal"]
        case .indicator: ["indicator", "kpi"]
        case .budget: ["begroting", "budget"]
        }
    }

    /// Every keyword with its kind, longest first so that `doelgroep` wins over `doel`.
    public static let allKeywords: [(keyword: String, kind: BlockKind)] =
        allCases.flatMap { kind in kind.keywords.map { ($0, kind) } }
            .sorted { $0.keyword.count > $1.keyword.count }

    /// `allKeywords` by first byte, in the same order: a heading tries only the keywords
    /// that can start with its first letter (every heading of every note is tried).
    /// The keywords are kept as bytes: walking a `String`'s UTF-8 view cost more than the
    /// comparison.
    static let keywordsByFirstByte: [[(keyword: [UInt8], kind: BlockKind)]] = {
        var buckets = Array(repeating: [(keyword: [UInt8], kind: BlockKind)](), count: 256)
        for entry in allKeywords { buckets[Int(entry.keyword.utf8.first!)].append((Array(entry.keyword.utf8), entry.kind)) }
        return buckets
    }()
}

/// What a physical line is. Every line of the file has exactly one kind.
public enum LineKind: UInt8, Sendable {
    case blank, prose, heading, field, fieldContinuation, frontMatter, fence, comment
}

/// An ATX heading (`#` … `######`).
public struct HeadingNode: Sendable {
    // Line and level are stored in 32 and 8 bits, the one-byte values last: 67 bytes, not
    // 81. Every block keeps its heading, and a large workspace has hundreds of thousands.
    private var storedLineIndex: UInt32
    /// The heading from its first `#` to its last non-space character; where findings
    /// about the heading are reported.
    public var range: TextRange
    /// The heading text after the `#` marks, trimmed, without a closing `#` sequence.
    public var contentRange: TextRange
    public var keywordRange: TextRange?
    /// For headings that are not block headings: the text before the first colon, if any.
    /// PN001 compares it with the keywords.
    public var labelRange: TextRange?
    /// The title: text after the colon, trimmed, without `{#id}`. Empty for `## Doel:`.
    public var titleRange: TextRange?
    /// The id inside `{#…}`, without the braces and `#`.
    public var idRange: TextRange?
    /// The recognised block keyword, if the heading is a block heading.
    public var kind: BlockKind?
    private var storedLevel: UInt8

    /// Lines fit in 32 bits: a note is at most `SourceText.maximumSize` bytes.
    public var lineIndex: Int {
        get { Int(storedLineIndex) }
        set { storedLineIndex = UInt32(truncatingIfNeeded: newValue) }
    }
    /// 1 to 6: the number of `#` marks.
    public var level: Int {
        get { Int(storedLevel) }
        set { storedLevel = UInt8(truncatingIfNeeded: newValue) }
    }

    public init(lineIndex: Int, range: TextRange, level: Int, contentRange: TextRange, kind: BlockKind? = nil,
                keywordRange: TextRange? = nil, labelRange: TextRange? = nil, titleRange: TextRange? = nil,
                idRange: TextRange? = nil) {
        storedLineIndex = UInt32(truncatingIfNeeded: lineIndex)
        self.range = range
        self.contentRange = contentRange
        self.keywordRange = keywordRange
        self.labelRange = labelRange
        self.titleRange = titleRange
        self.idRange = idRange
        self.kind = kind
        storedLevel = UInt8(truncatingIfNeeded: level)
    }
}

/// One `key: value` line of a field run, with its continuation lines.
public struct FieldNode: Sendable {
    public var lineIndex: Int
    public var range: TextRange
    public var keyRange: TextRange
    /// The value on the key's own line, trimmed.
    public var valueRange: TextRange
    /// Values of the continuation lines (indented two or more spaces), trimmed.
    public var continuationRanges: [TextRange]
}

/// A block: a keyword heading with its field run, prose and child blocks.
/// Blocks are stored flat in document order; `parent` and `children` are indices.
public struct BlockNode: Sendable {
    public var heading: HeadingNode
    public var kind: BlockKind
    // The parent in 32 bits, `UInt32.max` for none, fills the heading's tail: 96 bytes, not 128.
    private var storedParent: UInt32
    // Where its fields are in the tree's `fields`, in 32 bits each: the block's field run is
    // a run of that list (one list per tree, not one per block to make and free).
    private var storedFieldStart: UInt32
    private var storedFieldEnd: UInt32
    public var children: [Int]
    /// From the heading's first byte to the start of the next heading of the same or a
    /// higher level (or the end of the file).
    public var range: TextRange

    public var parent: Int? {
        get { storedParent == .max ? nil : Int(storedParent) }
        set { storedParent = BlockNode.stored(newValue) }
    }

    private static func stored(_ parent: Int?) -> UInt32 { parent.map { UInt32(truncatingIfNeeded: $0) } ?? .max }

    /// The block's fields: these positions of its tree's `fields` (`SyntaxTree.fields(of:)`).
    public var fieldIndices: Range<Int> {
        get { Int(storedFieldStart)..<Int(storedFieldEnd) }
        set {
            storedFieldStart = UInt32(truncatingIfNeeded: newValue.lowerBound)
            storedFieldEnd = UInt32(truncatingIfNeeded: newValue.upperBound)
        }
    }

    public init(heading: HeadingNode, kind: BlockKind, fieldIndices: Range<Int>, parent: Int?, children: [Int], range: TextRange) {
        self.heading = heading
        self.kind = kind
        storedParent = BlockNode.stored(parent)
        storedFieldStart = UInt32(truncatingIfNeeded: fieldIndices.lowerBound)
        storedFieldEnd = UInt32(truncatingIfNeeded: fieldIndices.upperBound)
        self.children = children
        self.range = range
    }
}

public struct FrontMatterEntry: Sendable {
    public var lineIndex: Int
    public var keyRange: TextRange
    public var valueRange: TextRange
}

public struct FrontMatterNode: Sendable {
    /// From the opening `---` to the end of the closing `---` line (or of the last entry).
    public var range: TextRange
    public var openingLine: Int
    public var closingLine: Int?
    public var entries: [FrontMatterEntry]
}

/// `<!-- pnote-disable … -->` or `<!-- pnote-disable-file … -->`.
public struct SuppressionDirective: Sendable, Hashable {
    public var fileScope: Bool
    /// Codes or slugs as written; empty means all rules.
    public var rules: [String]
}

/// An HTML comment. Never structure, except a suppression directive.
public struct CommentNode: Sendable {
    public var range: TextRange
    public var firstLine: Int
    public var lastLine: Int
    /// Whether the comment stands on its own line(s), with nothing else around it.
    public var standsAlone: Bool
    public var suppression: SuppressionDirective?
}

public enum SyntaxProblemKind: Sendable, Equatable {
    case frontMatterNotClosed
    case frontMatterInvalidLine
}

public struct SyntaxProblem: Sendable {
    public var kind: SyntaxProblemKind
    public var range: TextRange
}

/// The parsed note: every line classified, plus the structured parts with exact ranges.
/// Lossless: the lines, concatenated, are the file (after the BOM).
public struct SyntaxTree: Sendable {
    public let source: SourceText
    public let lineKinds: [LineKind]
    public let frontMatter: FrontMatterNode?
    public let headings: [HeadingNode]
    public let blocks: [BlockNode]
    /// Every field node, in document order: each block's are a run (`fields(of:)`).
    public let fields: [FieldNode]
    public let rootBlocks: [Int]
    public let comments: [CommentNode]
    public let problems: [SyntaxProblem]

    public init(source: SourceText, lineKinds: [LineKind], frontMatter: FrontMatterNode?,
                headings: [HeadingNode], blocks: [BlockNode], fields: [FieldNode], rootBlocks: [Int],
                comments: [CommentNode], problems: [SyntaxProblem]) {
        self.source = source
        self.lineKinds = lineKinds
        self.frontMatter = frontMatter
        self.headings = headings
        self.blocks = blocks
        self.fields = fields
        self.rootBlocks = rootBlocks
        self.comments = comments
        self.problems = problems
    }

    public func text(_ range: TextRange) -> String { source.text(range) }

    /// The field nodes of `block`, a block of this tree.
    public func fields(of block: BlockNode) -> ArraySlice<FieldNode> {
        let indices = block.fieldIndices.clamped(to: fields.indices)
        return fields[indices]
    }

    /// This tree without its block and field nodes: `blocks` and `fields` empty, and
    /// `headings` only those that open no block. For a model that keeps each block's node
    /// with the block and each field's with the field (`Note`): holding both copies was a
    /// sixth of a large check's memory.
    public func withoutBlockNodes() -> SyntaxTree {
        SyntaxTree(source: source, lineKinds: lineKinds, frontMatter: frontMatter,
                   headings: headings.filter { $0.kind == nil }, blocks: [], fields: [], rootBlocks: rootBlocks,
                   comments: comments, problems: problems)
    }
}

extension FieldNode {
    /// The whole value, including continuation lines.
    public var fullValueRange: TextRange {
        TextRange(valueRange.start, continuationRanges.last?.end ?? valueRange.end)
    }

    /// From the key to the end of the value.
    public var keyAndValueRange: TextRange { TextRange(keyRange.start, fullValueRange.end) }
}
