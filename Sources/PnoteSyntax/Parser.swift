/// Turns a note into a `SyntaxTree`. Never fails: every input, however broken, gives a
/// tree and a list of problems. One pass over the lines, no backtracking across lines.
public enum Parser {
    public static func parse(_ text: String) -> SyntaxTree { parse(SourceText(text)) }

    public static func parse(_ source: SourceText) -> SyntaxTree {
        var state = ParserState(source: source)
        state.run()
        return SyntaxTree(source: source, lineKinds: state.kinds, frontMatter: state.frontMatter,
                          headings: state.headings, blocks: state.blocks, fields: state.fields, rootBlocks: state.roots,
                          comments: state.comments, problems: state.problems)
    }
}

private struct ParserState {
    let source: SourceText
    var kinds: [LineKind]
    var frontMatter: FrontMatterNode?
    var headings: [HeadingNode] = []
    var blocks: [BlockNode] = []
    var fields: [FieldNode] = []
    var roots: [Int] = []
    var comments: [CommentNode] = []
    var problems: [SyntaxProblem] = []

    /// Open keyword blocks, innermost last, with their heading level.
    var openBlocks: [(block: Int, level: Int)] = []
    /// The block whose field run is still open.
    var fieldRunOwner: Int?
    /// Whether the previous non-comment line was a field (or its continuation).
    var afterField = false

    init(source: SourceText) {
        self.source = source
        kinds = Array(repeating: .prose, count: source.lineCount)
        // The lists are made at about their size: grown a doubling at a time, each growth
        // copied the nodes made so far (a hundredth of a check). Lines that start with `#`
        // may be headings, with `-` or `*` fields; a field without a dash grows the list.
        var hashes = 0, dashes = 0
        source.bytes.withUnsafeBufferPointer { bytes in
            for start in source.lineStarts {
                var i = start
                while i < bytes.count && Byte.isSpace(bytes[i]) { i += 1 }
                guard i < bytes.count else { continue }
                switch bytes[i] {
                case Byte.hash: hashes += 1
                case Byte.dash, Byte.star: dashes += 1
                default: break
                }
            }
        }
        headings.reserveCapacity(hashes)
        blocks.reserveCapacity(hashes)
        fields.reserveCapacity(dashes)
    }

    mutating func run() {
        var line = parseFrontMatter()
        while line < source.lineCount {
            line = parseLine(line)
        }
        closeBlocks(downTo: 0, at: source.bytes.count)
    }

    // MARK: Front matter (section 3)

    /// Returns the first line after the front matter.
    mutating func parseFrontMatter() -> Int {
        let first = source.lineRange(0)
        guard source.lineCount > 0, source.text(source.trimmed(first)) == "---",
              source.indentation(first) == 0 else { return 0 }
        var entries: [FrontMatterEntry] = []
        var invalid: [SyntaxProblem] = []
        kinds[0] = .frontMatter
        var line = 1
        while line < source.lineCount {
            let range = source.lineRange(line)
            let content = source.trimmed(range)
            if source.text(content) == "---" {
                kinds[line] = .frontMatter
                problems += invalid
                frontMatter = FrontMatterNode(range: TextRange(first.start, range.end), openingLine: 0,
                                              closingLine: line, entries: entries)
                return line + 1
            }
            if content.isEmpty || source.bytes[content.start] == Byte.hash {
                // blank or comment line
            } else if let (key, value) = splitKeyValue(content, maxWords: 4) {
                entries.append(FrontMatterEntry(lineIndex: line, keyRange: key, valueRange: value))
            } else {
                invalid.append(SyntaxProblem(kind: .frontMatterInvalidLine, range: content))
            }
            line += 1
        }
        // Not closed. Recover as if the author forgot the closing `---`: the front matter is
        // the run of key/value and comment lines after the opening line, up to the first
        // blank line or heading.
        var end = 1
        entries = []
        while end < source.lineCount {
            let range = source.lineRange(end)
            let content = source.trimmed(range)
            if content.isEmpty || parseHeading(end, range) != nil { break }
            if source.bytes[content.start] == Byte.hash {
            } else if let (key, value) = splitKeyValue(content, maxWords: 4) {
                entries.append(FrontMatterEntry(lineIndex: end, keyRange: key, valueRange: value))
            } else { break }
            end += 1
        }
        for l in 1..<end { kinds[l] = .frontMatter }
        problems.append(SyntaxProblem(kind: .frontMatterNotClosed, range: source.trimmed(first)))
        let last = end - 1
        frontMatter = FrontMatterNode(range: TextRange(first.start, source.lineRange(last).end),
                                      openingLine: 0, closingLine: nil, entries: entries)
        return end
    }

    // MARK: Body lines

    mutating func parseLine(_ line: Int) -> Int {
        let range = source.lineRange(line)
        let content = source.trimmed(range)
        if content.isEmpty {
            kinds[line] = .blank
            afterField = false
            return line + 1
        }
        // Each kind of line is tried only when its first byte can start it.
        let first = source.bytes[content.start]
        if first == Byte.backtick || first == Byte.tilde, let next = parseFence(line, range) { return next }
        if first == Byte.lt && source.hasPrefix(content, "<!--") { return parseComment(line, content) }
        if first == Byte.hash, let heading = parseHeading(line, range) {
            openHeading(heading)
            return line + 1
        }
        if let owner = fieldRunOwner {
            // The owner's fields are the last ones made: its run is open, so no other block
            // has added any since its heading.
            if afterField && source.indentation(range) >= 2 && !blocks[owner].fieldIndices.isEmpty {
                kinds[line] = .fieldContinuation
                fields[fields.count - 1].continuationRanges.append(content)
                return line + 1
            }
            if let field = parseField(line, range) {
                kinds[line] = .field
                fields.append(field)
                blocks[owner].fieldIndices = blocks[owner].fieldIndices.lowerBound..<fields.count
                afterField = true
                return line + 1
            }
            fieldRunOwner = nil
        }
        kinds[line] = .prose
        afterField = false
        return line + 1
    }

    /// A fenced code block (``` or ~~~, up to three spaces of indentation). Its lines are
    /// never structure. An unclosed fence runs to the end of the file, as in CommonMark.
    mutating func parseFence(_ line: Int, _ range: TextRange) -> Int? {
        guard source.indentation(range) <= 3 else { return nil }
        let content = source.trimmed(range)
        let marker = source.bytes[content.start]
        guard marker == Byte.backtick || marker == Byte.tilde else { return nil }
        var n = content.start
        while n < content.end && source.bytes[n] == marker { n += 1 }
        let length = n - content.start
        guard length >= 3 else { return nil }
        if marker == Byte.backtick && source.find("`", in: TextRange(n, content.end)) != nil { return nil }
        fieldRunOwner = nil
        afterField = false
        kinds[line] = .fence
        var l = line + 1
        while l < source.lineCount {
            kinds[l] = .fence
            let c = source.trimmed(source.lineRange(l))
            var m = c.start
            while m < c.end && source.bytes[m] == marker { m += 1 }
            l += 1
            if m - c.start >= length && m == c.end { break }
        }
        return l
    }

    mutating func parseComment(_ line: Int, _ content: TextRange) -> Int {
        var l = line
        var endOffset = content.end
        var standsAlone = true
        let bodyStart = content.start + 4
        while true {
            kinds[l] = .comment
            let range = l == line ? TextRange(bodyStart, content.end) : source.lineRange(l)
            if let close = source.find("-->", in: range) {
                endOffset = close + 3
                standsAlone = source.isBlank(TextRange(endOffset, source.lineRange(l).end))
                break
            }
            if l + 1 >= source.lineCount { endOffset = range.end; break }
            l += 1
        }
        let whole = TextRange(content.start, endOffset)
        comments.append(CommentNode(range: whole, firstLine: line, lastLine: l, standsAlone: standsAlone,
                                    suppression: Suppressions.parse(source.text(whole))))
        return l + 1
    }

    // MARK: Headings and blocks (section 4)

    func parseHeading(_ line: Int, _ range: TextRange) -> HeadingNode? {
        guard source.indentation(range) <= 3 else { return nil }
        let content = source.trimmed(range)
        var i = content.start
        while i < content.end && source.bytes[i] == Byte.hash { i += 1 }
        let level = i - content.start
        guard level >= 1 && level <= 6, i == content.end || Byte.isSpace(source.bytes[i]) else { return nil }
        var text = source.trimmed(TextRange(i, content.end))
        // Optional closing sequence: spaces then only `#`.
        var j = text.end
        while j > text.start && source.bytes[j - 1] == Byte.hash { j -= 1 }
        if j < text.end && (j == text.start || Byte.isSpace(source.bytes[j - 1])) {
            text = source.trimmed(TextRange(text.start, j))
        }
        var heading = HeadingNode(lineIndex: line, range: content, level: level, contentRange: text)
        var titleEnd = text.end
        if text.length > 3 && source.bytes[text.end - 1] == Byte.closeBrace,
           let open = lastIndex(of: Byte.openBrace, in: text), open + 1 < text.end,
           source.bytes[open + 1] == Byte.hash {
            heading.idRange = source.trimmed(TextRange(open + 2, text.end - 1))
            titleEnd = open
        }
        // The keywords read in place: a bucket copied out of the table was a retain and a
        // release per heading on lists every core shares.
        let keyword: (kind: BlockKind, end: Int, colon: Int)? = text.start < titleEnd ? BlockKind.keywordsByFirstByte.withUnsafeBufferPointer { buckets in
            buckets[Int(Byte.lower(source.bytes[text.start]))].withUnsafeBufferPointer { bucket in
                for entry in bucket.indices {
                    guard let after = bucket[entry].keyword.withUnsafeBufferPointer({ source.matchWord($0, at: text.start, limit: titleEnd) }) else { continue }
                    var k = after
                    while k < titleEnd && Byte.isSpace(source.bytes[k]) { k += 1 }
                    guard k < titleEnd, source.bytes[k] == Byte.colon else { continue }
                    return (bucket[entry].kind, after, k)
                }
                return nil
            }
        } : nil
        if let (kind, after, k) = keyword {
            heading.kind = kind
            heading.keywordRange = TextRange(text.start, after)
            heading.titleRange = source.trimmed(TextRange(k + 1, titleEnd))
            return heading
        }
        if let colon = firstIndex(of: Byte.colon, in: TextRange(text.start, titleEnd)) {
            heading.labelRange = source.trimmed(TextRange(text.start, colon))
            heading.titleRange = source.trimmed(TextRange(colon + 1, titleEnd))
        }
        return heading
    }

    mutating func openHeading(_ heading: HeadingNode) {
        kinds[heading.lineIndex] = .heading
        headings.append(heading)
        afterField = false
        fieldRunOwner = nil
        while let top = openBlocks.last, top.level >= heading.level {
            blocks[top.block].range.end = heading.range.start
            openBlocks.removeLast()
        }
        guard let kind = heading.kind else { return }
        let index = blocks.count
        let parent = openBlocks.last?.block
        blocks.append(BlockNode(heading: heading, kind: kind, fieldIndices: fields.count..<fields.count, parent: parent, children: [],
                                range: TextRange(heading.range.start, source.bytes.count)))
        if let parent { blocks[parent].children.append(index) } else { roots.append(index) }
        openBlocks.append((index, heading.level))
        fieldRunOwner = index
    }

    mutating func closeBlocks(downTo level: Int, at offset: Int) {
        while let top = openBlocks.last, top.level >= level {
            blocks[top.block].range.end = offset
            openBlocks.removeLast()
            if openBlocks.isEmpty { break }
        }
    }

    // MARK: Fields (section 5)

    func parseField(_ line: Int, _ range: TextRange) -> FieldNode? {
        var content = source.trimmed(range)
        // List form: `- key: value` or `* key: value`.
        let first = source.bytes[content.start]
        if (first == Byte.dash || first == Byte.star) && content.length > 1
            && Byte.isSpace(source.bytes[content.start + 1]) {
            content = source.trimmed(TextRange(content.start + 2, content.end))
        }
        guard !content.isEmpty, let (key, value) = splitKeyValue(content, maxWords: 4) else { return nil }
        return FieldNode(lineIndex: line, range: range, keyRange: key, valueRange: value, continuationRanges: [])
    }

    /// `key: value` where the key is one to `maxWords` words starting with a letter and the
    /// colon is followed by a space or the end of the line (so `https://…` is no field).
    func splitKeyValue(_ content: TextRange, maxWords: Int) -> (TextRange, TextRange)? {
        let b = source.bytes
        guard !content.isEmpty, Byte.isASCIILetter(b[content.start]) || b[content.start] >= 0x80 else { return nil }
        var i = content.start
        var words = 1
        while i < content.end {
            let c = b[i]
            if Byte.isWordByte(c) || c == 0x2F || c == 0x2E { i += 1; continue }
            if c == Byte.space {
                var k = i
                while k < content.end && b[k] == Byte.space { k += 1 }
                if k < content.end && b[k] == Byte.colon { i = k; continue }
                guard k < content.end, Byte.isWordByte(b[k]) else { return nil }
                words += 1
                guard words <= maxWords else { return nil }
                i = k
                continue
            }
            if c == Byte.colon {
                guard i + 1 == content.end || Byte.isSpace(b[i + 1]) else { return nil }
                let key = source.trimmed(TextRange(content.start, i))
                return (key, source.trimmed(TextRange(i + 1, content.end)))
            }
            return nil
        }
        return nil
    }

    func firstIndex(of byte: UInt8, in range: TextRange) -> Int? {
        var i = range.start
        while i < range.end { if source.bytes[i] == byte { return i }; i += 1 }
        return nil
    }

    func lastIndex(of byte: UInt8, in range: TextRange) -> Int? {
        var i = range.end - 1
        while i >= range.start { if source.bytes[i] == byte { return i }; i -= 1 }
        return nil
    }
}
