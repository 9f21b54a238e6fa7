import PnoteSyntax

/// A typed field value. `invalid` carries why the text could not be read (PN004).
///
/// The three largest payloads are boxed (`indirect`): inline, their 34 to 57 bytes sized
/// every field of every note, more than doubling the value's share of a field.
public enum FieldValue: Sendable {
    case text(String)
    case level(PreventionLevel)
    indirect case budget(BudgetValue)
    case funding(Funding)
    case references([Reference])
    indirect case indicatorValue(IndicatorValue)
    case taskField(String)
    case age(AgeRange)
    case domain(Domain)
    case period(YearSpan)
    indirect case invalid(ValueError)
}

/// Where a block lives in a workspace.
public struct BlockAddress: Sendable, Hashable {
    public var note: Int
    public var block: Int

    public init(note: Int, block: Int) {
        self.note = note
        self.block = block
    }
}

/// One reference inside a field value, with what it resolved to.
public struct Reference: Sendable {
    public enum Problem: Sendable, Equatable {
        case unresolved
        case outsideWorkspace
        case wrongKind(BlockKind)
    }

    public var text: ReferenceText
    public var range: TextRange
    public var target: BlockAddress?
    public var problem: Problem?
}

/// A field with its typed value. What it says (key, text, value) is in a shared box, copy
/// on write; where it stands (`syntax`) is its own. Fields that read the same share one
/// box: `FieldReadCache` hands out the box of the value it read before, so most fields of
/// a folder cost no allocation and no more memory than their position (`periode: 2024-2027`
/// is one box for every note that says it).
public struct Field: Sendable {
    final class Content: @unchecked Sendable {
        // Unchecked: a class's variables are otherwise checked for exclusive access at run
        // time, on every read, and rules read fields all the time (3% of a check's
        // instructions). Writes happen only through `makeUnique`, on a box nobody else holds
        // (the cache holds the boxes it hands out, so a write to a shared value copies it).
        @exclusivity(unchecked) var rawValue: String
        @exclusivity(unchecked) var value: FieldValue
        @exclusivity(unchecked) var key: FieldKey?

        init(key: FieldKey?, rawValue: String, value: FieldValue) {
            self.key = key
            self.rawValue = rawValue
            self.value = value
        }

        func copy() -> Content { Content(key: key, rawValue: rawValue, value: value) }
    }

    private(set) var content: Content
    public var syntax: FieldNode

    public init(key: FieldKey?, syntax: FieldNode, rawValue: String, value: FieldValue) {
        content = Content(key: key, rawValue: rawValue, value: value)
        self.syntax = syntax
    }

    /// A field at `syntax` that says what `content` says (a value read before).
    init(content: Content, syntax: FieldNode) {
        self.content = content
        self.syntax = syntax
    }

    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&content) { content = content.copy() }
    }

    /// Nil for a key this block kind does not have (PN002).
    public var key: FieldKey? {
        get { content.key }
        set { makeUnique(); content.key = newValue }
    }
    /// The value with continuation lines joined by a space.
    public var rawValue: String {
        get { content.rawValue }
        set { makeUnique(); content.rawValue = newValue }
    }
    public var value: FieldValue {
        get { content.value }
        set { makeUnique(); content.value = newValue }
    }

    /// Tests on the value's case without copying it out: rules that look at every field
    /// (PN004, PN005, PN008) ask these first.
    public var isInvalid: Bool {
        if case .invalid = content.value { return true }
        return false
    }
    public var holdsReferences: Bool {
        if case .references = content.value { return true }
        return false
    }
    /// `rawValue.isEmpty`, without handing the text out.
    public var hasEmptyValue: Bool { content.rawValue.isEmpty }

    /// The budget or indicator value, matched where it is kept: `value` hands out a copy,
    /// which retains (and later releases) the box these cases keep their payload in.
    var budgetInPlace: BudgetValue? {
        if case .budget(let b) = content.value { return b }
        return nil
    }
    var indicatorValueInPlace: IndicatorValue? {
        if case .indicatorValue(let v) = content.value { return v }
        return nil
    }
}

/// A resolved block. Stored in a box of its own (copy on write): rules pass blocks around
/// by value all the time, and a copy is then one retain.
public struct Block: Sendable {
    public enum IDSource: Sendable { case heading, field, slug }

    private final class Storage: @unchecked Sendable {
        // Only `fields` and `domain` change after building; the rest are constants. The
        // variables skip the run-time exclusivity checks, as `Field`'s do.
        // In this order the small ones fill the gaps the others leave (a class's properties
        // are laid out as declared): 248 bytes with the header, a 256-byte heap block (there
        // is one per block of every note).
        private let storedIndex: Int32
        /// `fields.count` (see `firstField`).
        @exclusivity(unchecked) private var fieldCount: UInt32
        let syntax: BlockNode
        let title: String
        let id: String
        @exclusivity(unchecked) var fields: [Field] {
            didSet { (firstField, fieldCount) = Storage.elements(of: fields) }
        }
        /// Where `fields`' elements are, kept in step with `fields` by its `didSet` (which
        /// does not read `oldValue`, so changes still happen in place): the lookups read a
        /// field through this without retaining the list and releasing it again, two atomic
        /// operations per question (rules ask 1.2 million per 5 MB of notes). The list's
        /// buffer lives as long as `fields` holds it unchanged.
        @exclusivity(unchecked) private var firstField: UnsafePointer<Field>?
        /// Folded once: ids and titles are compared across notes and for references.
        let foldedID: String
        let foldedTitle: String
        @exclusivity(unchecked) var domain: Domain?
        let kind: BlockKind
        let idSource: IDSource
        /// Which keys the fields have (`Block.keyBit`), made again whenever `fields` may
        /// have changed (`Block.fields`'s `_modify`). Asking whether a block has a field
        /// then reads no field (and retains no list).
        @exclusivity(unchecked) var keys: UInt32
        let standardClassification: GroupClassification?

        /// Blocks are numbered from 0 in 32 bits: a note of at most 4 GiB has fewer.
        var index: Int { Int(storedIndex) }

        var fieldElements: UnsafeBufferPointer<Field> { UnsafeBufferPointer(start: firstField, count: Int(fieldCount)) }

        private static func elements(of fields: [Field]) -> (UnsafePointer<Field>?, UInt32) {
            (fields.withUnsafeBufferPointer { $0.baseAddress }, UInt32(fields.count))
        }

        init(index: Int, kind: BlockKind, syntax: BlockNode, title: String, id: String, idSource: IDSource,
             fields: [Field], domain: Domain?, standardClassification: GroupClassification?) {
            // What is made from the arguments first, and the arguments stored last: stored
            // first, each was retained again to be read and released after (three pairs of
            // atomic operations per block).
            foldedID = Folding.fold(id)
            foldedTitle = Folding.fold(title)
            keys = Block.keyBits(of: fields)
            (firstField, fieldCount) = Storage.elements(of: fields)
            storedIndex = Int32(truncatingIfNeeded: index)
            self.kind = kind
            self.syntax = syntax
            self.idSource = idSource
            self.domain = domain
            self.standardClassification = standardClassification
            self.title = title
            self.id = id
            self.fields = fields
        }

        private init(copying other: Storage) {
            storedIndex = other.storedIndex
            kind = other.kind
            syntax = other.syntax
            title = other.title
            id = other.id
            idSource = other.idSource
            fields = other.fields
            firstField = other.firstField
            fieldCount = other.fieldCount
            domain = other.domain
            foldedID = other.foldedID
            foldedTitle = other.foldedTitle
            standardClassification = other.standardClassification
            keys = other.keys
        }

        func copy() -> Storage { Storage(copying: self) }
    }

    private var storage: Storage

    public init(index: Int, kind: BlockKind, syntax: BlockNode, title: String, id: String, idSource: IDSource,
                fields: [Field], domain: Domain?, standardClassification: GroupClassification? = nil) {
        storage = Storage(index: index, kind: kind, syntax: syntax, title: title, id: id, idSource: idSource,
                          fields: fields, domain: domain, standardClassification: standardClassification)
    }

    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    }

    public var index: Int { storage.index }
    public var kind: BlockKind { storage.kind }
    /// The block's node. Its field nodes are not in the note's tree (`syntax.fieldIndices`
    /// pointed into the parse, now gone): each field keeps its own, as `fields[i].syntax`.
    public var syntax: BlockNode { storage.syntax }
    public var title: String { storage.title }
    public var id: String { storage.id }
    public var idSource: IDSource { storage.idSource }
    /// `id` and `title` folded (`Folding.fold`), as names are compared.
    public var foldedID: String { storage.foldedID }
    public var foldedTitle: String { storage.foldedTitle }
    /// A target group's class with `Lexicon.standard`, made once by the builder (section 6.2).
    public var standardClassification: GroupClassification? { storage.standardClassification }
    /// From the syntax tree: the model keeps the tree's nesting as it is.
    public var parent: Int? { storage.syntax.parent }
    public var children: [Int] { storage.syntax.children }
    public var fields: [Field] {
        get { storage.fields }
        _modify {
            makeUnique()
            // A key may have changed, or a field come or gone.
            defer { storage.keys = Block.keyBits(of: storage.fields) }
            yield &storage.fields
        }
    }
    /// Replaces the value of field `index` (resolution writes references). Its key stays,
    /// so the key bits stay too: `fields`'s `_modify` makes them again for any change.
    mutating func setValue(_ value: FieldValue, ofField index: Int) {
        makeUnique()
        storage.fields[index].value = value
    }

    /// The block's own `domein`, else the nearest enclosing `Domein` block's.
    public internal(set) var domain: Domain? {
        get { storage.domain }
        set {
            makeUnique()
            storage.domain = newValue
        }
    }

    /// The first `key` field. By index, reading each key in place: `first(where:)` copied
    /// every field it looked at out of the array (a retain and a release each), and rules
    /// ask for fields 1.2 million times on the 5 MB corpus.
    public func field(_ key: FieldKey) -> Field? { indexOfField(key).map { storage.fieldElements[$0] } }

    /// Whether the block has a `key` field (nil: a field whose key its kind does not know),
    /// looked up in place: no field is copied out of the array.
    public func hasField(_ key: FieldKey?) -> Bool { storage.keys & Block.keyBit(key) != 0 }

    /// `fields.count`, and of field `i` whether it holds references, its key and its value,
    /// read in place: `fields[i]` copies the list out first (a retain and a release), and
    /// passes over every reference of a folder ask these of every measure.
    public var fieldCount: Int { storage.fieldElements.count }
    public func fieldHoldsReferences(_ i: Int) -> Bool { storage.fieldElements[i].holdsReferences }
    public func key(ofField i: Int) -> FieldKey? { storage.fieldElements[i].key }
    public func value(ofField i: Int) -> FieldValue { storage.fieldElements[i].value }
    /// The first `key` field's place among `fields`, found in place (`field(_:)` copies it
    /// out); `field`, `value`, `budget` and `indicatorValue` read the field it finds.
    public func indexOfField(_ key: FieldKey) -> Int? {
        guard storage.keys & Block.keyBit(key) != 0 else { return nil }
        let fields = storage.fieldElements
        return fields.indices.first { fields[$0].key == key }
    }
    public func fullValueRange(ofField i: Int) -> TextRange { storage.fieldElements[i].syntax.fullValueRange }
    public func fieldIsInvalid(_ i: Int) -> Bool { storage.fieldElements[i].isInvalid }

    /// Whether some field's value could not be read or is empty, looked up in place: PN004
    /// copies the fields of such blocks only (most blocks have none).
    public var hasInvalidOrEmptyField: Bool {
        let fields = storage.fieldElements
        for i in fields.indices where fields[i].isInvalid || fields[i].hasEmptyValue { return true }
        return false
    }

    /// Whether two fields may share a key: false says no two do, read from the key bits
    /// alone (one bit per field when no key repeats; fields whose key the kind does not know
    /// share one). PN003 asks it of every block, and most have no field twice.
    public var mayRepeatAKey: Bool { storage.keys.nonzeroBitCount != storage.fields.count }

    /// A key's bit in `Storage.keys`; the last for a field whose key is unknown (nil).
    static func keyBit(_ key: FieldKey?) -> UInt32 { 1 << UInt32(key?.rawValue ?? 31) }

    static func keyBits(of fields: [Field]) -> UInt32 { fields.reduce(0) { $0 | keyBit($1.key) } }

    /// The first `key` field's value: its box stays in the array (one retain fewer per
    /// question, and rules ask for values most of all).
    public func value(_ key: FieldKey) -> FieldValue? { indexOfField(key).map { storage.fieldElements[$0].value } }

    public var level: PreventionLevel? {
        if case .level(let l)? = value(.level) { return l }
        return nil
    }

    /// Read in place, as `indicatorValue(_:)`: the value's box is not retained to be looked
    /// into (rules ask every measure for its budget, and every indicator for its values).
    public var budget: BudgetValue? { indexOfField(.budget).flatMap { storage.fieldElements[$0].budgetInPlace } }

    /// Every reference of the `key` fields, in order. Most blocks have one such field,
    /// whose list is handed out as it is, not copied.
    public func references(_ key: FieldKey) -> [Reference] {
        var out: [Reference] = []
        guard storage.keys & Block.keyBit(key) != 0 else { return out }
        let fields = storage.fieldElements
        for i in fields.indices where fields[i].key == key {
            guard case .references(let refs) = fields[i].value else { continue }
            if out.isEmpty { out = refs } else { out += refs }
        }
        return out
    }

    public func indicatorValue(_ key: FieldKey) -> IndicatorValue? {
        indexOfField(key).flatMap { storage.fieldElements[$0].indicatorValueInPlace }
    }
}

/// Some blocks of a note, by their positions in it (`Note.blocks(of:)`).
public struct BlocksOfKind: RandomAccessCollection, Sendable {
    let blocks: [Block]
    let positions: [Int]

    public var startIndex: Int { 0 }
    public var endIndex: Int { positions.count }
    public subscript(position: Int) -> Block { blocks[positions[position]] }
}

/// Front matter, read and typed. Values that could not be read are nil (and PN004).
public struct NoteSettings: Sendable {
    public var title: String?
    public var municipality: String?
    public var status: NoteStatus?
    public var date: CalendarDate?
    public var period: YearSpan?
    public var language: Language?
    public var classification: Classification = .targetGroup
    public var focus: PreventionLevel?
    public var requires: Set<Requirement> = []

    /// The year task-field codes are checked against (section 6.4).
    public var referenceYear: Int? { period?.first ?? date?.year }
}

/// A front-matter entry with its typed value, for rules and the editor.
public struct Setting: Sendable {
    public var key: FrontMatterKey?
    public var syntax: FrontMatterEntry
    public var problem: ValueError?
}

/// One resolved note.
public struct Note: Sendable {
    /// The path as given (or relative to the checked folder); `-` or a name for stdin.
    public var path: String
    /// The syntax tree without its block nodes (`SyntaxTree.withoutBlockNodes`): each
    /// block's node is its `syntax`, and `headings` are those that open no block.
    public var tree: SyntaxTree
    public var settings: NoteSettings
    public var frontMatter: [Setting]
    public var blocks: [Block]
    /// Block indices by folded id and by folded title, set by the builder: see
    /// `blockIndices(withID:)`, `firstBlock(withID:)` and `firstBlock(withTitle:)`.
    var blocksByID: BlockNameTable
    /// Nil for a note without references by title (the builder leaves it out).
    var blocksByTitle: BlockNameTable?
    /// Membership derived from fields and nesting (section 4), filled by the workspace.
    public var measureTargets = BlockTable<[BlockAddress]>()
    public var measureGoals = BlockTable<[BlockAddress]>()
    public var measureEnvelope = BlockTable<BlockAddress>()
    /// The goal an `Indicator` block belongs to.
    public var indicatorGoal = BlockTable<Int>()

    public var source: SourceText { tree.source }
    public var language: Language { settings.language ?? .nl }

    /// Per block kind (`BlockKind.ordinal`), its blocks' indices in order: set by the
    /// builder, so rules need not look at every block to find the measures. Blocks keep
    /// their kind and order once built (only fields and domains change).
    public internal(set) var blockIndicesByKind: [[Int]] = []

    /// The blocks of `kind`, in order: a view into `blocks`, not a new list (rules ask for
    /// the measures of a note twenty times per check).
    public func blocks(of kind: BlockKind) -> BlocksOfKind {
        guard blockIndicesByKind.count == BlockKind.allCases.count else {
            return BlocksOfKind(blocks: blocks, positions: blocks.indices.filter { blocks[$0].kind == kind })
        }
        return BlocksOfKind(blocks: blocks, positions: blockIndicesByKind[kind.ordinal])
    }

    /// Whether any reference names another note (`file.pnote#id`): such notes are resolved
    /// again when another note changes. Set by the builder, so an edit need not look.
    public internal(set) var hasExternalReferences = false

    /// What the note puts in a workspace's name index, made by the builder while the
    /// blocks are in the cache (made later, it was a pass over a whole cold folder), and
    /// dropped by the workspace once indexed. Blocks keep their names once built.
    var nameEntries: NameIndex.Entries?

    /// The workspace index the note was resolved for, as it was built (`NoteBuilder.build`'s
    /// `workspaceIndex`): only a note that names no other note. A workspace that finds
    /// the note at that index resolves it no more.
    var resolvedAt: Int?

    /// Whether the blocks were let go (`withoutBlocks`).
    public private(set) var blocksReleased = false

    /// The note without its blocks and all made from them; its path, tree (and source),
    /// settings, front matter and what it puts in the name index stay. `pnote check` keeps
    /// only this of a note once the rules that read the note alone have run on it, when
    /// nothing else reads its blocks (see `CheckRun`): the rules that compare notes read
    /// the name index, and the outputs read the source. The blocks were four fifths of a
    /// folder's memory, and each new page of memory costs a fault; let go, their memory
    /// is used again by the next note.
    public func withoutBlocks() -> Note {
        var husk = Note(path: path, tree: tree, settings: settings, frontMatter: frontMatter, blocks: [],
                        blocksByID: BlockNameTable(.id, of: []), blocksByTitle: nil)
        husk.blockIndicesByKind = Array(repeating: [], count: BlockKind.allCases.count)
        husk.hasExternalReferences = hasExternalReferences
        husk.nameEntries = nameEntries
        husk.resolvedAt = resolvedAt
        husk.blocksReleased = true
        return husk
    }

    /// Whether the note is resolved, as it was built, for index `n` of its workspace: it
    /// names no other note, and its references and links are final there. Rules that read
    /// the note alone may then check it before the workspace is made.
    public func isResolvedAlone(at n: Int) -> Bool { resolvedAt == n }

    /// The blocks whose folded id is `folded`, in order (more than one is PN006).
    public func blockIndices(withID folded: String) -> [Int] { blocksByID.all(folded, in: blocks) }

    /// The first block whose folded id is `folded`: where a reference `#id` points.
    public func firstBlock(withID folded: String) -> Int? { blocksByID.first(folded, in: blocks) }

    /// The first block whose folded title is `folded` (references by title).
    public func firstBlock(withTitle folded: String) -> Int? {
        guard let blocksByTitle else { return blocks.firstIndex { $0.foldedTitle == folded } }
        return blocksByTitle.first(folded, in: blocks)
    }

    /// The blocks that share an id with an earlier block, grouped by id, each group in
    /// block order and the groups in the order of their first block.
    public var blocksSharingAnID: [[Int]] {
        guard blocksByID.hasDuplicates else { return [] }
        // Each id's group once, from its first block: one lookup per block, one step per member.
        return blocks.compactMap { block in
            guard !block.id.isEmpty, firstBlock(withID: block.foldedID) == block.index else { return nil }
            let group = blockIndices(withID: block.foldedID)
            return group.count > 1 ? group : nil
        }
    }

    /// The nearest ancestor of `block` of `kind`.
    public func ancestor(of block: Int, kind: BlockKind) -> Int? {
        var p = blocks[block].parent
        while let i = p {
            if blocks[i].kind == kind { return i }
            p = blocks[i].parent
        }
        return nil
    }
}

extension BlockKind {
    /// 0 to 5, in declaration order: an index into per-kind tables.
    public var ordinal: Int {
        switch self {
        case .domain: 0
        case .targetGroup: 1
        case .measure: 2
        case .goal: 3
        case .indicator: 4
        case .budget: 5
        }
    }
}
