import Foundation
import PnoteSyntax

/// Builds a `Note` from a syntax tree: reads the front matter and every field into typed
/// values, and assigns ids. References are resolved later, by the `Workspace`, because
/// they may point into other notes; a note that names no other note is resolved here when
/// the caller says where it will stand (`workspaceIndex`, see `Resolution.swift`).
public enum NoteBuilder {
    /// `cache` and `parallel` change how fast, never what: tests build both ways and compare.
    /// `workspaceIndex`: where the note will stand in its workspace, if known. A note that
    /// names no other note is then resolved as it is built, while its blocks are in the
    /// cache; its workspace resolves it again only if it stands elsewhere.
    public static func build(path: String, tree: SyntaxTree, cache: FieldReadCache? = .shared, parallel: Bool? = nil,
                             workspaceIndex: Int? = nil) -> Note {
        let (settings, entries) = readFrontMatter(tree)
        let language = settings.language ?? .nl
        var blocks = readBlocks(tree, language: language, cache: cache, parallel: parallel)
        for index in blocks.indices {
            // A block without a domain of its own is in its parent's (parents come first).
            if blocks[index].domain == nil, let parent = blocks[index].parent { blocks[index].domain = blocks[parent].domain }
        }
        let (external, byTitle) = referenceKinds(blocks)
        // Titles are looked up only for references by title, which stay inside their note:
        // a note without them gets no title table (`firstBlock(withTitle:)` then scans).
        let byID = BlockNameTable(.id, of: blocks), byTitleTable = byTitle ? BlockNameTable(.title, of: blocks) : nil
        var byKind = Array(repeating: [Int](), count: BlockKind.allCases.count)
        // In place: `for block in blocks` copied each block out (a retain and a release).
        blocks.withUnsafeBufferPointer { blocks in
            for b in blocks.indices { byKind[blocks[b].kind.ordinal].append(blocks[b].index) }
        }
        // The blocks are handed over (`consume`), not shared: resolution writes into them
        // below, and a second reference to the list made each written block copy itself.
        var note = Note(path: path, tree: tree.withoutBlockNodes(), settings: settings, frontMatter: entries, blocks: consume blocks,
                        blocksByID: byID, blocksByTitle: byTitleTable)
        note.blockIndicesByKind = byKind
        note.hasExternalReferences = external
        note.nameEntries = NameIndex.Entries(of: note)
        if let n = workspaceIndex, !external { Workspace.resolveAlone(&note, at: n) }
        return note
    }

    /// Whether any reference of `blocks` names another note, and whether any names a title.
    static func referenceKinds(_ blocks: [Block]) -> (external: Bool, byTitle: Bool) {
        var external = false, byTitle = false
        // By place: a block is looked at (its kind read in place) before it is copied.
        for b in blocks.indices where FieldKey.referencesPossible(in: blocks[b].kind) {
            for i in 0..<blocks[b].fieldCount where blocks[b].fieldHoldsReferences(i) {
                guard case .references(let refs) = blocks[b].value(ofField: i) else { continue }
                for ref in refs {
                    switch ref.text.target {
                    case .external: external = true
                    case .title: byTitle = true
                    case .id: break
                    }
                }
            }
        }
        return (external, byTitle)
    }

    /// A tree this large has its blocks read on all cores (the costly part of a build).
    static let parallelBlocksThreshold = 250

    /// Every block with its fields, id, title and own domain (not yet its parent's), and a
    /// target group's class, in block order: all that depends on the block alone.
    static func readBlocks(_ tree: SyntaxTree, language: Language, cache: FieldReadCache?, parallel: Bool?) -> [Block] {
        @Sendable func read(_ index: Int) -> Block {
            let node = tree.blocks[index]
            // What is read of the node, read now: a node the closures below read was kept
            // alive in a copy of its own, retained and released once more per block.
            let kind = node.kind, titleRange = node.heading.titleRange, idRange = node.heading.idRange
            let fieldRange = node.fieldIndices.clamped(to: tree.fields.indices)
            // The bytes are held once per block; `.map(tree.text)` would copy the tree per call.
            // Constants, all but `id`: the list held in a variable (which `first` reads) was
            // retained once more to be handed to the block.
            let (fields, title, headingID) = tree.source.bytes.withUnsafeBufferPointer { bytes in
                func text(_ range: TextRange?) -> String {
                    guard let range, range.end <= bytes.count else { return range.map { tree.text($0) } ?? "" }
                    return String(decoding: UnsafeBufferPointer(rebasing: bytes[range.start..<range.end]), as: UTF8.self)
                }
                // Each node read in place: `map` copied every node out of the list, and freed it again.
                let fields = tree.fields.withUnsafeBufferPointer { nodes in
                    fieldRange.map { readField(nodes[$0], kind: kind, tree: tree, bytes: bytes, language: language, cache: cache) }
                }
                return (fields, text(titleRange), text(idRange))
            }
            // The first field with a key, by index: `first(where:)` copies each field it passes.
            func first(_ key: FieldKey) -> Int? { fields.indices.first { fields[$0].key == key } }
            var id = headingID, source = Block.IDSource.heading
            if id.isEmpty, let f = first(.id), !fields[f].rawValue.isEmpty {
                let written = fields[f].rawValue
                id = written.hasPrefix("#") ? String(written.dropFirst()) : written
                source = .field
            }
            if id.isEmpty {
                id = Folding.slug(title)
                source = .slug
            }
            var domain: Domain?
            if let f = first(.domain), case .domain(let d) = fields[f].value { domain = d }
            if kind == .domain, !title.isEmpty { domain = Domain.named(title) }
            var classification: GroupClassification?
            if kind == .targetGroup {
                classification = Lexicon.standard.classify(criterion: first(.criterion).map { fields[$0].rawValue }, title: title)
            }
            // Each field keeps its own node; the note's tree keeps none (`withoutBlockNodes`).
            return Block(index: index, kind: kind, syntax: node, title: title, id: id, idSource: source,
                         fields: fields, domain: domain, standardClassification: classification)
        }
        let count = tree.blocks.count
        guard parallel ?? (count >= parallelBlocksThreshold && Parallel.hasCores) else {
            return (0..<count).map(read)
        }
        let chunks = Parallel.chunks(of: count)
        return Parallel.map(chunks.count) { chunks[$0].map(read) }.flatMap { $0 }
    }

    // MARK: Front matter

    static func readFrontMatter(_ tree: SyntaxTree) -> (NoteSettings, [Setting]) {
        var settings = NoteSettings()
        var out: [Setting] = []
        guard let fm = tree.frontMatter else { return (settings, out) }
        // The language decides nothing about front matter values, so read it first.
        for entry in fm.entries where FrontMatterKey.lookup(tree.text(entry.keyRange)) == .language {
            if case .success(let l) = Language.parse(tree.text(entry.valueRange)) { settings.language = l }
        }
        for entry in fm.entries {
            let key = FrontMatterKey.lookup(tree.text(entry.keyRange))
            let value = tree.text(entry.valueRange)
            var problem: ValueError?
            func take<T>(_ result: Result<T, ValueError>, _ apply: (T) -> Void) {
                switch result {
                case .success(let v): apply(v)
                case .failure(let e): problem = e
                }
            }
            switch key {
            case .title?: settings.title = value
            case .municipality?: settings.municipality = value
            case .status?: take(NoteStatus.parse(value)) { settings.status = $0 }
            case .date?: take(CalendarDate.parse(value)) { settings.date = $0 }
            case .period?: take(YearSpan.parsePeriod(value)) { settings.period = $0 }
            case .language?: take(Language.parse(value)) { settings.language = $0 }
            case .classification?: take(Classification.parse(value)) { settings.classification = $0 }
            case .focus?: take(PreventionLevel.parse(value)) { settings.focus = $0 }
            case .requires?: take(Requirement.parseList(value)) { settings.requires = $0 }
            case nil: break
            }
            out.append(Setting(key: key, syntax: entry, problem: problem))
        }
        return (settings, out)
    }

    // MARK: Fields

    /// `bytes` are the tree's source bytes, held by the caller for all fields of a block.
    static func readField(_ node: FieldNode, kind: BlockKind, tree: SyntaxTree, bytes: UnsafeBufferPointer<UInt8>,
                          language: Language, cache: FieldReadCache? = nil) -> Field {
        // The cache is used without a reference of its own: the caller holds it, and taking
        // one (`guard let cache`) retained and released it around every lookup.
        guard let cache = cache.map(Unmanaged.passUnretained) else {
            return readUncached(node, kind: kind, tree: tree, language: language)
        }
        return cache._withUnsafeGuaranteedRef { readField(node, kind: kind, tree: tree, bytes: bytes, language: language, through: $0) }
    }

    private static func readUncached(_ node: FieldNode, kind: BlockKind, tree: SyntaxTree, language: Language) -> Field {
        readValue(node, key: FieldKey.lookup(tree.text(node.keyRange), in: kind), raw: rawValue(of: node, tree: tree),
                  tree: tree, language: language)
    }

    private static func readField(_ node: FieldNode, kind: BlockKind, tree: SyntaxTree, bytes: UnsafeBufferPointer<UInt8>,
                                  language: Language, through cache: FieldReadCache) -> Field {
        // Single-line values are looked up in the cache from the bytes, before any string is made.
        guard node.continuationRanges.isEmpty,
              node.keyRange.end <= bytes.count, node.valueRange.end <= bytes.count,
              node.keyRange.start <= node.valueRange.start,
              node.valueRange.end - node.keyRange.start <= FieldReadCache.maximumTextBytes else {
            return readUncached(node, kind: kind, tree: tree, language: language)
        }
        let keyBytes = UnsafeBufferPointer(rebasing: bytes[node.keyRange.start..<node.keyRange.end])
        let rawBytes = UnsafeBufferPointer(rebasing: bytes[node.valueRange.start..<node.valueRange.end])
        let line = UnsafeBufferPointer(rebasing: bytes[node.keyRange.start..<node.valueRange.end])
        let hashKey = cache.key(kind: kind, language: language, line: line)
        if let content = cache.content(hashKey, kind: kind, language: language, line: line) {
            return Field(content: content, syntax: node)
        }
        let keyText = String(decoding: keyBytes, as: UTF8.self), raw = String(decoding: rawBytes, as: UTF8.self)
        let field = readValue(node, key: FieldKey.lookup(keyText, in: kind), raw: raw, tree: tree, language: language)
        if field.key?.valueKind != .references {
            cache.store(FieldReadCache.Entry(kind: kind, language: language, line: line, content: field.content), for: hashKey)
        }
        return field
    }

    /// The value with its continuation lines joined by a space.
    static func rawValue(of node: FieldNode, tree: SyntaxTree) -> String {
        node.continuationRanges.isEmpty ? tree.text(node.valueRange)
            : ([node.valueRange] + node.continuationRanges).map(tree.text).filter { !$0.isEmpty }.joined(separator: " ")
    }

    private static func readValue(_ node: FieldNode, key: FieldKey?, raw: String, tree: SyntaxTree,
                                  language: Language) -> Field {
        // The field is made once, with its value: made with the text and then given the
        // value, it checked its box for sharing and let the text go again, for every field
        // no cache holds (every reference field).
        let value = key.flatMap { raw.isEmpty ? nil : typedValue(node, key: $0, raw: raw, tree: tree, language: language) }
        return Field(key: key, syntax: node, rawValue: raw, value: value ?? .text(raw))
    }

    /// The value of a non-empty `key` field; nil for a text field.
    private static func typedValue(_ node: FieldNode, key: FieldKey, raw: String, tree: SyntaxTree,
                                   language: Language) -> FieldValue? {
        func wrap<T>(_ result: Result<T, ValueError>, _ make: (T) -> FieldValue) -> FieldValue {
            switch result {
            case .success(let v): make(v)
            case .failure(let e): .invalid(e)
            }
        }
        switch key.valueKind {
        case .text: return nil
        case .level: return wrap(PreventionLevel.parse(raw), FieldValue.level)
        case .money:
            return key == .budget ? wrap(MoneyParser.parseBudget(raw, language: language), FieldValue.budget)
                                  : wrap(MoneyParser.parse(raw, language: language)) { .budget(.amount($0)) }
        case .funding: return wrap(Funding.parse(raw), FieldValue.funding)
        case .indicatorValue: return wrap(IndicatorValueParser.parse(raw, language: language), FieldValue.indicatorValue)
        case .age: return wrap(AgeRange.parse(raw), FieldValue.age)
        case .domain: return .domain(Domain.named(raw))
        case .period: return wrap(YearSpan.parsePeriod(raw), FieldValue.period)
        case .taskField:
            if let code = TaskFieldTable.normalise(raw), TaskFieldTable.standard.exists(code) { return .taskField(code) }
            return .invalid(ValueError(
                nl: "'\(raw)' is geen taakveld uit de BBV-indeling (bijvoorbeeld 6.1, 6.72 of 7.1)",
                en: "'\(raw)' is not a BBV task field (for example 6.1, 6.72 or 7.1)"))
        case .references:
            // Item by item into one list: every measure has two such fields, and the lists
            // made on the way (per line, per item) cost more than reading the items.
            var references: [Reference] = []
            func read(_ item: TextRange) { references.append(Reference(text: referenceText(item, tree: tree), range: item)) }
            forEachListItem(in: node.valueRange, tree: tree, read)
            for part in node.continuationRanges { forEachListItem(in: part, tree: tree, read) }
            return .references(references)
        }
    }

    /// `ReferenceText.parse` of a list item, made straight from the bytes for the usual
    /// `#id` written in ASCII (where trimming bytes and trimming characters agree).
    static func referenceText(_ item: TextRange, tree: SyntaxTree) -> ReferenceText {
        let bytes = tree.source.bytes
        guard item.length > 0, item.end <= bytes.count, bytes[item.start] == 0x23,
              bytes[item.start..<item.end].allSatisfy({ $0 < 0x80 }) else { return ReferenceText.parse(tree.text(item)) }
        return ReferenceText(written: tree.text(item), target: .id(tree.text(tree.source.trimmed(TextRange(item.start + 1, item.end)))))
    }

    /// Hands `body` the range of each `,`/`;`-separated item of a value, trimmed.
    static func forEachListItem(in range: TextRange, tree: SyntaxTree, _ body: (TextRange) -> Void) {
        var start = range.start
        let bytes = tree.source.bytes
        for i in range.start...range.end where i == range.end || bytes[i] == 0x2C || bytes[i] == 0x3B {
            let item = tree.source.trimmed(TextRange(start, i))
            if !item.isEmpty { body(item) }
            start = i + 1
        }
    }
}
