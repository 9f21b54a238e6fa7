import Foundation
import PnoteFiles
import PnoteModel
import PnoteSyntax

/// The notes the server knows: every `.pnote` file of the workspace folders (read from
/// disk), with open documents laid over them. One `Workspace` per folder, so cross-note
/// references and rules stay inside a folder; a document outside every folder is a
/// workspace of its own.
struct WorkspaceSet {
    struct Entry {
        /// The folder (absolute path), or the document's URI for a loose document.
        var root: String
        var isFolder: Bool
        var workspace: Workspace
        /// Per note index: its URI.
        var uris: [String]
        var indexByURI: [String: Int]
    }

    private(set) var entries: [Entry] = []

    mutating func addFolder(_ path: String) {
        guard !entries.contains(where: { $0.isFolder && $0.root == path }) else { return }
        var finder = NoteFinder(currentDirectory: "/")
        let inputs = finder.inputs(for: [path])
        var notes: [Note] = []
        var uris: [String] = []
        for input in inputs {
            let absolute = path + "/" + input.workspacePath
            guard let bytes = RegularFile.contents(atPath: absolute, maximumSize: SourceText.maximumSize) else { continue }
            notes.append(NoteBuilder.build(path: input.workspacePath, tree: Parser.parse(SourceText(bytes: bytes))))
            uris.append(DocumentURI.uri(ofPath: absolute))
        }
        // Handed over without a second reference: resolution writes into the notes, and a
        // second reference would make each of them copy itself (as `pnote check` does).
        entries.append(Entry(root: path, isFolder: true, workspace: Workspace(notes: consume notes), uris: uris,
                             indexByURI: Dictionary(uniqueKeysWithValues: uris.enumerated().map { ($1, $0) })))
        // Loose documents now inside this folder move in.
        for (i, entry) in entries.enumerated().reversed() where !entry.isFolder {
            if let p = DocumentURI.path(of: entry.root), p.hasPrefix(path + "/") {
                let bytes = entry.workspace.notes[0].source.bytes
                entries.remove(at: i)
                update(uri: entry.root, bytes: bytes)
            }
        }
    }

    mutating func removeFolder(_ path: String) {
        entries.removeAll { $0.isFolder && $0.root == path }
    }

    /// The folder entry a URI belongs to (the deepest folder containing it).
    func folderEntry(for uri: String) -> Int? {
        guard let path = DocumentURI.path(of: uri) else { return nil }
        return entries.indices.filter { entries[$0].isFolder && path.hasPrefix(entries[$0].root + "/") }
            .max { entries[$0].root.count < entries[$1].root.count }
    }

    func locate(_ uri: String) -> (entry: Int, note: Int)? {
        for (e, entry) in entries.enumerated() {
            if let n = entry.indexByURI[uri] { return (e, n) }
        }
        return nil
    }

    /// Sets the text of a document (opened, edited, or changed on disk).
    /// Returns the note an edit replaced, for the caller to free after the diagnostics.
    @discardableResult
    mutating func update(uri: String, bytes: [UInt8]) -> Note? {
        let tree = Parser.parse(SourceText(bytes: bytes))
        if let (e, n) = locate(uri) {
            let note = NoteBuilder.build(path: entries[e].workspace.notes[n].path, tree: tree)
            return entries[e].workspace.replace(noteAt: n, with: note)
        }
        if let e = folderEntry(for: uri), let path = DocumentURI.path(of: uri) {
            let relative = String(path.dropFirst(entries[e].root.count + 1))
            let n = entries[e].workspace.append(NoteBuilder.build(path: relative, tree: tree))
            entries[e].uris.append(uri)
            entries[e].indexByURI[uri] = n
            return nil
        }
        let name = DocumentURI.path(of: uri).map { ($0 as NSString).lastPathComponent } ?? "untitled.pnote"
        let note = NoteBuilder.build(path: name, tree: tree)
        entries.append(Entry(root: uri, isFolder: false, workspace: Workspace(notes: [note]), uris: [uri], indexByURI: [uri: 0]))
        return nil
    }

    /// A document closed or a file deleted: back to the disk's content, or gone.
    mutating func revert(uri: String) {
        guard let (e, _) = locate(uri) else { return }
        if !entries[e].isFolder {
            entries.remove(at: e)
            return
        }
        let bytes = DocumentURI.path(of: uri).flatMap { RegularFile.contents(atPath: $0, maximumSize: SourceText.maximumSize) } ?? []
        update(uri: uri, bytes: bytes)
    }
}
