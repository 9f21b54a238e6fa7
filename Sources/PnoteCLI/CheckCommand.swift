import Foundation
import PnoteModel
import PnoteOutput
import PnoteRules
import PnoteSyntax

/// `pnote check [PATH…]`.
enum CheckCommand {
    enum Format: String { case text, json }

    static let help = """
    Usage: pnote check [options] [PATH…]

    Checks prevention notes (.pnote). PATH is a file, a folder (searched recursively for
    *.pnote) or - for standard input. Without PATH the current folder is checked.

    Options:
      --format text|json   output format (default: text)
      --lang nl|en         language of the messages (default: the note's 'taal', else nl)
      -h, --help           show this help

    Exit status: 0 no errors, 1 errors found, 2 usage error or a file that could not be read.

    """

    static func run(_ args: [String], console: Console) throws(UsageError) -> Int32 {
        let reader = try ArgumentReader(args, valueOptions: ["--format", "--lang"], flagOptions: ["--help", "-h"])
        if reader.flag("--help") || reader.flag("-h") {
            console.out(help)
            return ExitStatus.clean
        }
        let format = try reader.choice("--format", ["text": Format.text, "json": .json]) ?? .text
        let language = try reader.choice("--lang", ["nl": Language.nl, "en": .en])
        let paths = reader.positional.isEmpty ? ["."] : reader.positional

        let result = check(paths: paths, language: language, console: console)
        for failure in result.failures {
            console.err("pnote: \(failure.path): \(failure.reason)\n")
        }
        switch format {
        case .text: console.out(TextRenderer().render(result))
        case .json: console.out(JSONRenderer.render(result))
        }
        if !result.failures.isEmpty { return ExitStatus.usageOrIO }
        return result.count(.error) > 0 ? ExitStatus.errorsFound : ExitStatus.clean
    }

    /// Reads, parses and checks every input; one workspace per folder argument (and per
    /// directory of loose files), so that cross-note references stay inside it.
    static func check(paths: [String], language: Language?, console: Console) -> CheckResult {
        var finder = NoteFinder(currentDirectory: console.currentDirectory)
        let inputs = finder.inputs(for: paths)
        var failures = finder.failures.map { ReadFailure(path: $0.path, reason: $0.reason) }

        var groups: [String: [(NoteInput, Note)]] = [:]
        var order: [String] = []
        for input in inputs {
            let bytes: [UInt8]
            if input.isStdin {
                bytes = console.readStdin()
            } else {
                let path = input.displayPath.hasPrefix("/") ? input.displayPath
                                                           : console.currentDirectory + "/" + input.displayPath
                guard let data = FileManager.default.contents(atPath: path) else {
                    failures.append(ReadFailure(path: input.displayPath, reason: readFailureReason(path)))
                    continue
                }
                bytes = [UInt8](data)
            }
            let tree = Parser.parse(SourceText(bytes: bytes))
            if groups[input.workspaceKey] == nil { order.append(input.workspaceKey) }
            groups[input.workspaceKey, default: []].append((input, NoteBuilder.build(path: input.workspacePath, tree: tree)))
        }

        var files: [CheckedFile] = []
        for key in order {
            let members = groups[key]!
            let workspace = Workspace(notes: members.map(\.1))
            for report in Checker.check(workspace) {
                let note = workspace.notes[report.noteIndex]
                files.append(CheckedFile(displayPath: members[report.noteIndex].0.displayPath, note: note,
                                         diagnostics: report.diagnostics.filter { !$0.suppressed },
                                         language: language ?? note.settings.language ?? .nl))
            }
        }
        let languages = Set(files.map(\.language))
        let summaryLanguage = language ?? (languages.count == 1 ? languages.first! : .nl)
        return CheckResult(files: files, failures: failures, language: summaryLanguage)
    }

    static func readFailureReason(_ path: String) -> String {
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) { return "the file disappeared" }
        if !FileManager.default.isReadableFile(atPath: path) { return "permission denied" }
        return "the file cannot be read"
    }
}
