import Foundation
import PnoteFiles
import PnoteModel
import PnoteOutput
import PnoteRules
import PnoteSyntax

/// `pnote check [PATH…]`.
enum CheckCommand {
    enum Format: String { case text, json, sarif, github }

    static let help = """
    Usage: pnote check [options] [PATH…]

    Checks prevention notes (.pnote). PATH is a file, a folder (searched recursively for
    *.pnote) or - for standard input. Without PATH the current folder is checked.

    Options:
      --format FORMAT      text (default), json, sarif (SARIF 2.1.0) or github (Actions
                           annotations)
      --color WHEN         colour in text output: auto (on a terminal, unless NO_COLOR is
                           set), always or never
      --quiet              report errors only
      --exit-zero          exit 0 even when errors are found (2 still means a usage or
                           read error)
      --max-warnings N     exit 1 when there are more than N warnings
      --stdin-filename P   the path to show (and to find pnote.json from) for standard input
      --exclude PATTERN    skip files and folders matching a gitignore-style pattern
                           (repeatable; .pnoteignore files are read too)
      --lang nl|en         language of the messages (default: the note's 'taal', else the
                           configuration's 'language', else nl)
      --config FILE        use this pnote.json instead of the nearest one above each note
      --fix                apply the safe fixes to the files (atomically), then report
                           what is left
      --diff               with --fix: print the changes as a unified diff, write nothing
                           (exit status 1 when there is something to fix)
      -h, --help           show this help

    Exit status: 0 no errors, 1 errors found, 2 usage error, a file that could not be read,
    or a broken configuration.

    """

    struct Options {
        var format: Format = .text
        var language: Language?
        var configPath: String?
        var fix = false
        var diff = false
        var color = false
        var quiet = false
        var exitZero = false
        var maxWarnings: Int?
        var stdinFilename: String?
        var excludes: [String] = []
    }

    static func run(_ args: [String], console: Console) throws(UsageError) -> Int32 {
        let reader = try ArgumentReader(args, valueOptions: ["--format", "--lang", "--config", "--color", "--max-warnings",
                                                             "--stdin-filename", "--exclude"],
                                        flagOptions: ["--help", "-h", "--fix", "--diff", "--quiet", "--exit-zero"])
        if reader.flag("--help") || reader.flag("-h") {
            console.out(help)
            return ExitStatus.clean
        }
        var options = Options()
        options.format = try reader.choice("--format", ["text": Format.text, "json": .json, "sarif": .sarif, "github": .github]) ?? .text
        let color = try reader.choice("--color", ["auto": 0, "always": 1, "never": 2]) ?? 0
        options.color = color == 1 || (color == 0 && console.isTerminal && !console.noColor)
        options.quiet = reader.flag("--quiet")
        options.exitZero = reader.flag("--exit-zero")
        if let n = reader.value("--max-warnings") {
            guard let v = Int(n), v >= 0 else { throw UsageError(message: "--max-warnings takes a whole number, not '\(n)'", hint: nil) }
            options.maxWarnings = v
        }
        options.stdinFilename = reader.value("--stdin-filename")
        options.excludes = reader.values("--exclude")
        options.language = try reader.choice("--lang", ["nl": Language.nl, "en": .en])
        options.configPath = reader.value("--config")
        options.fix = reader.flag("--fix")
        options.diff = reader.flag("--diff")
        if options.diff && !options.fix { throw UsageError(message: "--diff goes with --fix", hint: "use 'pnote check --fix --diff'") }
        let paths = reader.positional.isEmpty ? ["."] : reader.positional
        if options.fix && !options.diff && paths.contains("-") {
            throw UsageError(message: "--fix cannot write standard input", hint: "use --fix --diff to see the changes")
        }

        BatchMemory.restartForLargeInputs(paths: paths, console: console)
        BatchMemory.growInLargeSteps()
        var run = CheckRun(options: options, console: console)
        var result = run.check(paths: paths)
        if options.fix {
            let outcome = run.applyFixes(result)
            if options.diff {
                console.out(outcome.diff)
                for f in run.failures { console.err("pnote: \(f.path): \(f.reason)\n") }
                console.err(outcome.applied == 0 ? "No safe fixes to apply.\n" : "Would apply \(outcome.applied) fixes.\n")
                return !run.failures.isEmpty ? ExitStatus.usageOrIO : outcome.applied > 0 ? ExitStatus.errorsFound : ExitStatus.clean
            }
            if outcome.applied > 0 {
                console.err("Applied \(outcome.applied) \(outcome.applied == 1 ? "fix" : "fixes") in \(outcome.files) \(outcome.files == 1 ? "file" : "files").\n")
                var again = CheckRun(options: options, console: console)
                result = again.check(paths: paths)
                run.failures += again.failures.filter { f in !run.failures.contains { $0.path == f.path } }
            }
            result.failures = run.failures
        }
        for failure in result.failures { console.err("pnote: \(failure.path): \(failure.reason)\n") }
        let warnings = result.count(.warning)
        if options.quiet {
            for i in result.files.indices { result.files[i].diagnostics.removeAll { $0.severity != .error } }
        }
        // Written as it is rendered, not held whole first.
        var sink = console.outBytes.map { OutputSink(deliveringBytes: $0) } ?? OutputSink(delivering: console.out)
        switch options.format {
        case .text: TextRenderer(color: options.color).write(result, to: &sink)
        case .json: JSONRenderer.write(result, to: &sink)
        case .sarif: SARIFRenderer.write(result, version: PnoteCommand.version, to: &sink)
        case .github: GitHubRenderer.write(result, to: &sink)
        }
        sink.finish()
        CheckCommand.keptUntilExit.set(result)
        if !result.failures.isEmpty { return ExitStatus.usageOrIO }
        if options.exitZero { return ExitStatus.clean }
        if let max = options.maxWarnings, warnings > max {
            console.err("pnote: \(warnings) warnings, more than the maximum of \(max)\n")
            return ExitStatus.errorsFound
        }
        return result.count(.error) > 0 ? ExitStatus.errorsFound : ExitStatus.clean
    }
}

extension CheckCommand {
    /// The last result, released by the process's exit rather than object by object: for
    /// a large folder, freeing the model took longer than the exit that frees it at once.
    static let keptUntilExit = KeptValue()

    final class KeptValue: @unchecked Sendable {
        private let lock = NSLock()
        private var value: Any?
        func set(_ newValue: Any) { lock.lock(); value = newValue; lock.unlock() }
    }
}

/// One pass over the inputs: read, parse, resolve, check. Keeps the bytes it read, so
/// `--fix` can refuse a file that changed in the meantime.
struct CheckRun {
    let options: CheckCommand.Options
    let console: Console
    var failures: [ReadFailure] = []
    /// Whether the checked notes keep their blocks (`pnote report` reads them); else a
    /// note's blocks are let go once nothing will read them (`Note.withoutBlocks`).
    var keepsBlocks = false
    /// Display path → (absolute path or nil for stdin, the bytes read).
    private(set) var read: [String: (absolute: String?, bytes: [UInt8])] = [:]

    init(options: CheckCommand.Options, console: Console) {
        self.options = options
        self.console = console
    }

    mutating func check(paths: [String]) -> CheckResult {
        var finder = NoteFinder(currentDirectory: console.currentDirectory)
        finder.excludes = options.excludes
        var inputs = finder.inputs(for: paths)
        if let name = options.stdinFilename {
            for i in inputs.indices where inputs[i].isStdin {
                inputs[i].displayPath = name
                inputs[i].workspacePath = (name as NSString).lastPathComponent
            }
        }
        failures = finder.failures.map { ReadFailure(path: $0.path, reason: $0.reason) }
        let locator = ConfigurationLocator(explicitPath: options.configPath, currentDirectory: console.currentDirectory)

        struct Member { var input: NoteInput; var configuration: Configuration; var early: EarlyFindings? }
        struct Pending { var input: NoteInput; var bytes: [UInt8]; var configuration: Configuration; var mayNameAnotherNote: Bool }
        var pending: [Pending] = []
        // The files are read on all cores, each scanned for references to other notes while
        // its bytes are in the cache (see `releasesBlocks`); all else happens in input order.
        let paths = inputs.map { $0.displayPath.hasPrefix("/") ? $0.displayPath : console.currentDirectory + "/" + $0.displayPath }
        let contents = Parallel.map(inputs.count) { [inputs] i -> (RegularFile.Read, Bool)? in
            guard !inputs[i].isStdin else { return nil }
            let content = RegularFile.read(paths[i], maximumSize: SourceText.maximumSize)
            guard case .bytes(let bytes) = content else { return (content, false) }
            return (content, ReferenceText.mayNameAnotherNote(bytes))
        }
        let stdinDirectory = options.stdinFilename.map { name in
            ((name.hasPrefix("/") ? name : console.currentDirectory + "/" + name) as NSString).deletingLastPathComponent
        } ?? console.currentDirectory
        for (input, (path, readAndScanned)) in zip(inputs, zip(paths, contents)) {
            let bytes: [UInt8]
            let absolute: String?
            var mayNameAnotherNote = readAndScanned?.1 ?? false
            if input.isStdin {
                bytes = console.readStdin()
                mayNameAnotherNote = ReferenceText.mayNameAnotherNote(bytes)
                absolute = nil
            } else {
                switch readAndScanned?.0 ?? .unreadable {
                case .bytes(let contents):
                    bytes = contents
                case .notRegular:
                    // A named pipe, device or socket is never opened: it could block or never end.
                    failures.append(ReadFailure(path: input.displayPath, reason: "not a regular file (a pipe, device or socket); not read"))
                    continue
                case .tooLarge(let size):
                    // Refused before it is read: reading 5 GB to refuse it would need 10 GB.
                    failures.append(ReadFailure(path: input.displayPath, reason: CheckRun.sizeProblem(size) ?? "too large"))
                    continue
                case .unreadable:
                    failures.append(ReadFailure(path: input.displayPath, reason: CheckRun.readFailureReason(path)))
                    continue
                }
                absolute = path
            }
            let directory = absolute.map(CheckRun.directory(of:)) ?? stdinDirectory
            guard case .success(let configuration) = locator.configuration(forDirectory: directory) else { continue }
            if let problem = CheckRun.sizeProblem(bytes.count) {
                failures.append(ReadFailure(path: input.displayPath, reason: problem))
                continue
            }
            read[input.displayPath] = (absolute, bytes)
            pending.append(Pending(input: input, bytes: bytes, configuration: configuration, mayNameAnotherNote: mayNameAnotherNote))
        }
        // Parsing and building are per file and pure: on all cores, in input order.
        // Where each note will stand in its workspace: the builder resolves a note that
        // names no other note right away (see `NoteBuilder.build`). One file alone is left
        // to its workspace, which resolves a large note on all cores.
        var placed: [String: Int] = [:]
        let sources = pending.map { p -> (path: String, bytes: [UInt8], index: Int, options: RuleOptions) in
            defer { placed[p.input.workspaceKey, default: 0] += 1 }
            return (p.input.workspacePath, p.bytes, placed[p.input.workspaceKey, default: 0], p.configuration.options)
        }
        let oneFile = sources.count == 1  // else the files keep the cores busy: no parallel build inside one
        // A note's blocks can go as soon as the rules that read it alone have run, when no
        // later step reads them: no note names another (PN311, PN312 and PN205 would read
        // the named notes again), and the lexicon is the standard one (PN108 classifies the
        // blocks with a configured one). The rules that compare notes read the name index.
        let releasesBlocks = !keepsBlocks && !oneFile
            && pending.allSatisfy { $0.configuration.options.lexicon.isStandard && !$0.mayNameAnotherNote }
        // Each worker reads values through a cache of its own (see `FieldReadCache.shared`);
        // one file alone is built on all cores, through one cache with its lock. A note
        // resolved as it was built is checked by the rules that read it alone right away,
        // while it is in the cache (`Checker.checkAlone`); the others wait for the workspace.
        let built = Parallel.map(sources.count, perWorker: { FieldReadCache(capacity: FieldReadCache.defaultCapacity, oneThreadAtATime: !oneFile) }) { i, cache in
            let note = NoteBuilder.build(path: sources[i].path, tree: Parser.parse(SourceText(bytes: sources[i].bytes)),
                                         cache: cache, parallel: oneFile ? nil : false, workspaceIndex: oneFile ? nil : sources[i].index)
            let early = oneFile ? nil : Checker.checkAlone(note, at: sources[i].index, options: sources[i].options)
            return (note: releasesBlocks && early != nil ? note.withoutBlocks() : note, early: early)
        }
        // Each note is handed to its workspace without another reference kept: resolution
        // writes into the blocks, and a second reference would make each of them copy itself.
        var groups: [String: (members: [Member], notes: [Note])] = [:]
        var order: [String] = []
        for (p, (note, early)) in zip(pending, consume built) {
            if groups[p.input.workspaceKey] == nil { order.append(p.input.workspaceKey) }
            groups[p.input.workspaceKey, default: ([], [])].members.append(Member(input: p.input, configuration: p.configuration, early: early))
            groups[p.input.workspaceKey]!.notes.append(note)
        }
        for error in locator.errors {
            failures.append(ReadFailure(path: "\(error.path):\(error.line):\(error.column)", reason: error.message))
        }

        var files: [CheckedFile] = []
        for key in order {
            let members = groups[key]!.members
            let workspace = Workspace(notes: groups.removeValue(forKey: key)!.notes)
            let paths = members.map(\.input.displayPath)
            let reports = Checker.checkInParallel(workspace, configurations: members.map(\.configuration), early: members.map(\.early))
            for (i, member) in members.enumerated() {
                let note = workspace.notes[i]
                // Most notes suppress nothing: then the report's list is shared, not copied.
                let all = reports[i].diagnostics
                let anySuppressed = all.contains { $0.suppressed }
                files.append(CheckedFile(displayPath: member.input.displayPath, workspace: workspace, noteIndex: i, displayPaths: paths,
                                         diagnostics: anySuppressed ? all.filter { !$0.suppressed } : all,
                                         language: options.language ?? note.settings.language ?? member.configuration.language ?? .nl,
                                         suppressed: anySuppressed ? all.filter(\.suppressed) : []))
            }
        }
        let languages = Set(files.map(\.language))
        let summaryLanguage = options.language ?? (languages.count == 1 ? languages.first! : .nl)
        return CheckResult(files: files, failures: failures, language: summaryLanguage)
    }

    /// Applies the safe fixes (or renders them as a diff). Returns how many were applied.
    mutating func applyFixes(_ result: CheckResult) -> (applied: Int, files: Int, diff: String) {
        var applied = 0, changedFiles = 0, diff = ""
        for file in result.files {
            let source = file.note.source
            let (edits, count) = FixApplication.safeFixEdits(for: source, file.diagnostics)
            guard count > 0, let entry = read[file.displayPath] else { continue }
            let bytes = FixApplication.apply(edits, to: source.bytes)
            if options.diff {
                diff += UnifiedDiff.render(old: source.bytes, edits: edits, path: file.displayPath)
                applied += count
                changedFiles += 1
                continue
            }
            guard let absolute = entry.absolute else { continue }
            // Refuse to overwrite what someone else changed since we read it.
            guard let now = RegularFile.contents(atPath: absolute), now == entry.bytes else {
                failures.append(ReadFailure(path: file.displayPath, reason: "changed or disappeared while it was checked; not written"))
                continue
            }
            do {
                try AtomicFile.replaceContents(of: absolute, with: bytes)
                applied += count
                changedFiles += 1
            } catch {
                failures.append(ReadFailure(path: file.displayPath, reason: "cannot write the fixes: \(error.reason)"))
            }
        }
        return (applied, changedFiles, diff)
    }

    /// The folder of an absolute file path, as `NSString.deletingLastPathComponent` gives
    /// it, without bridging to `NSString` (once per file, it was a tenth of the time
    /// between reading the files and building them).
    static func directory(of path: String) -> String {
        let utf8 = path.utf8
        // Doubled slashes (`NSString` joins them) and the rarer shapes go the long way.
        guard path.hasPrefix("/"), !path.hasSuffix("/"), let slash = utf8.lastIndex(of: UInt8(ascii: "/")),
              slash == utf8.startIndex || utf8[utf8.index(before: slash)] != UInt8(ascii: "/") else {
            return (path as NSString).deletingLastPathComponent
        }
        return slash == utf8.startIndex ? "/" : String(path[..<slash])
    }

    /// Why a file this large is not checked, if it is too large: ranges are 32-bit.
    static func sizeProblem(_ byteCount: Int, maximum: Int = SourceText.maximumSize) -> String? {
        byteCount > maximum ? "is \(byteCount) bytes, larger than the largest note pnote reads (4 GiB); not checked" : nil
    }

    static func readFailureReason(_ path: String) -> String {
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) { return "the file disappeared" }
        if !FileManager.default.isReadableFile(atPath: path) { return "permission denied" }
        return "the file cannot be read"
    }
}
