import Foundation
import PnoteJSON
import PnoteModel
import PnoteRules
import PnoteSyntax

/// `textDocument/completion`: block keywords after `#`, field keys for the block (not yet
/// present), values for the field under the cursor, and references, in the note's language.
enum Completion {
    struct Item {
        var label: String
        var kind: Int  // LSP CompletionItemKind
        var detail: String?
        var insert: String? = nil
    }

    static func items(_ s: DocumentSnapshot, _ position: Position) -> JSON {
        let offset = s.offset(position)
        let source = s.source
        let line = source.lineIndex(of: offset)
        let lineStart = source.lineStarts[line]
        let before = source.text(TextRange(lineStart, offset))
        let (items, replaceFrom) = candidates(s, offset: offset, line: line, before: before)
        let range = s.lspRange(TextRange(lineStart + replaceFrom, offset))
        return .array(items.enumerated().map { i, item in
            var pairs: [(String, JSON)] = [("label", .string(item.label)), ("kind", .int(item.kind)),
                                           ("sortText", .string(String(format: "%04d", i))),
                                           ("textEdit", .object([("range", range.json), ("newText", .string(item.insert ?? item.label))]))]
            if let d = item.detail { pairs.append(("detail", .string(d))) }
            return .object(pairs)
        })
    }

    /// The candidates, and the byte offset in the line where the replaced word starts.
    static func candidates(_ s: DocumentSnapshot, offset: Int, line: Int, before: String) -> ([Item], Int) {
        let lang = s.language
        let note = s.note
        let bytes = Array(before.utf8)
        // A heading without a keyword yet: `## Maa|`
        let hashes = bytes.prefix { $0 == 0x23 }.count
        if hashes > 0, hashes < bytes.count, bytes[hashes] == 0x20, !before.contains(":") {
            let kinds = BlockKind.allCases
            let items = kinds.map { Item(label: $0.keyword(lang), kind: 14, detail: Glossary.block($0).text(lang), insert: $0.keyword(lang) + ": ") }
                + kinds.map { Item(label: $0.keyword(lang == .nl ? .en : .nl), kind: 14, detail: nil, insert: $0.keyword(lang == .nl ? .en : .nl) + ": ") }
            return (items, hashes + 1)
        }
        let keyStart = before.hasPrefix("- ") || before.hasPrefix("* ") ? 2 : 0
        if let fm = note.tree.frontMatter, line > fm.openingLine, line < (fm.closingLine ?? Int.max) {
            return frontMatter(s, before: before)
        }
        guard let block = note.blocks.last(where: { $0.syntax.range.start <= offset && offset <= $0.syntax.range.end
            && $0.syntax.heading.lineIndex < line }) else { return ([], 0) }
        guard let colon = before.firstIndex(of: ":") else {
            // A field key. Only in the field run: right under the heading, between fields.
            let present = Set(block.fields.compactMap(\.key))
            let items = FieldKey.keys(for: block.kind).filter { $0 != .id && ($0.spec.multi || !present.contains($0)) }.map {
                Item(label: $0.name(lang), kind: 10, detail: Glossary.field($0).text(lang), insert: $0.name(lang) + ": ")
            }
            return (items, keyStart)
        }
        let keyText = String(before[before.index(before.startIndex, offsetBy: keyStart)..<colon])
        guard let key = FieldKey.lookup(keyText, in: block.kind) else { return ([], 0) }
        // The value word starts after the colon, or after the last `,`/`;` of a list.
        var wordStart = before.utf8.distance(from: before.utf8.startIndex, to: colon) + 1
        if let sep = before.lastIndex(where: { $0 == "," || $0 == ";" }), sep > colon { wordStart = before.utf8.distance(from: before.startIndex, to: sep) + 1 }
        while wordStart < bytes.count && bytes[wordStart] == 0x20 { wordStart += 1 }
        return (values(for: key, s), wordStart)
    }

    static func values(for key: FieldKey, _ s: DocumentSnapshot) -> [Item] {
        let lang = s.language
        let note = s.note
        switch key {
        case .level:
            return note.settings.classification.levels.map { Item(label: $0.name.text(lang), kind: 20, detail: Glossary.level($0).text(lang)) }
        case .targetGroup, .goal, .envelope:
            let kind: BlockKind = key == .targetGroup ? .targetGroup : key == .goal ? .goal : .budget
            var items = note.blocks(of: kind).map { Item(label: "#" + $0.id, kind: 18, detail: $0.title) }
            for (i, other) in s.workspace.notes.enumerated() where i != s.noteIndex {
                items += other.blocks(of: kind).map { Item(label: other.path + "#" + $0.id, kind: 18, detail: $0.title) }
            }
            return items
        case .domain:
            return Domain.knownNames.map { Item(label: $0, kind: 12, detail: nil) }
        case .taskField:
            let version = TaskFieldTable.standard.version(for: note.settings.referenceYear)
            return version.codes.sorted { $0.key.localizedStandardCompare($1.key) == .orderedAscending }
                .map { Item(label: $0.key, kind: 12, detail: "\($0.value) (BBV \(version.name))") }
        case .evidence:
            let prefix = lang == .nl ? "erkend: " : "recognised: "
            return EvidenceLevels.standard.levels.map { Item(label: prefix + (lang == .nl ? $0.nl : $0.en), kind: 12, detail: nil) }
        case .funding:
            return (lang == .nl ? ["structureel", "incidenteel"] : ["structural", "incidental"]).map { Item(label: $0, kind: 12, detail: nil) }
        case .indicator:
            return OfficialIndicators.standard.indicators.map { Item(label: "\($0.name) (\($0.unitText))", kind: 12, detail: $0.definition) }
        case .budget:
            return [Item(label: lang == .nl ? "binnen bestaande middelen" : "within existing budget", kind: 12, detail: nil)]
        default:
            return []
        }
    }

    static func frontMatter(_ s: DocumentSnapshot, before: String) -> ([Item], Int) {
        let lang = s.language
        guard let colon = before.firstIndex(of: ":") else {
            let present = Set(s.note.frontMatter.compactMap(\.key))
            return (FrontMatterKey.allCases.filter { !present.contains($0) }.map {
                let name = lang == .nl ? $0.spellings.nl : $0.spellings.en
                return Item(label: name, kind: 10, detail: Glossary.frontMatter($0).text(lang), insert: name + ": ")
            }, 0)
        }
        var start = before.utf8.distance(from: before.startIndex, to: colon) + 1
        let bytes = Array(before.utf8)
        while start < bytes.count && bytes[start] == 0x20 { start += 1 }
        let words: [String]
        switch FrontMatterKey.lookup(String(before[..<colon])) {
        case .status?: words = lang == .nl ? ["concept", "definitief"] : ["draft", "final"]
        case .language?: words = ["nl", "en"]
        case .classification?: words = lang == .nl ? ["doelgroep", "stadium"] : ["target-group", "stage"]
        case .focus?: words = s.note.settings.classification.levels.map { $0.name.text(lang) }
        case .requires?: words = lang == .nl ? ["onderbouwing", "bereik", "bron"] : ["evidence", "reach", "source"]
        default: words = []
        }
        return (words.map { Item(label: $0, kind: 12, detail: nil) }, start)
    }
}
