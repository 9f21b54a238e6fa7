import PnoteModel

/// The `pnote` command: dispatches to the subcommands.
public enum PnoteCommand {
    public static let version = "0.1.0"

    static let help = """
    pnote \(version): checks prevention policy notes (.pnote) of Dutch municipalities.

    Usage:
      pnote check [options] [PATH…]   check notes and report problems (see 'pnote check --help')
      pnote explain CODE|slug         explain a rule
      pnote rules [--format markdown] list the rules
      pnote report [PATH…]            write a report for advisory councils (HTML or Markdown)
      pnote lsp                       run the language server over stdio
      pnote --version                 print the version
      pnote --help                    show this help

    """

    /// Runs the command and returns the exit status. Never calls `exit` itself.
    public static func main(_ args: [String], console: Console) -> Int32 {
        do throws(UsageError) {
            guard let first = args.first else {
                console.out(help)
                return ExitStatus.clean
            }
            switch first {
            case "check": return try CheckCommand.run(Array(args.dropFirst()), console: console)
            case "explain": return try RuleCommands.explain(Array(args.dropFirst()), console: console)
            case "rules": return try RuleCommands.rules(Array(args.dropFirst()), console: console)
            case "lsp": return try LSPCommand.run(Array(args.dropFirst()), console: console)
            case "report": return try ReportCommand.run(Array(args.dropFirst()), console: console)
            case "--version", "-V", "version":
                console.out("pnote \(version)\n")
                return ExitStatus.clean
            case "--help", "-h", "help":
                console.out(help)
                return ExitStatus.clean
            default:
                let near = ["check", "explain", "rules", "report", "lsp", "help", "version"].min { editDistance($0, first) < editDistance($1, first) }
                throw UsageError(message: "unknown command '\(first)'",
                                 hint: near.map { editDistance($0, first) <= 2 ? "did you mean '\($0)'?" : "see 'pnote --help'" })
            }
        } catch {
            console.err("pnote: error: \(error.message)\n")
            if let hint = error.hint { console.err("  hint: \(hint)\n") }
            return ExitStatus.usageOrIO
        }
    }

    private static func editDistance(_ a: String, _ b: String) -> Int { Folding.editDistance(a, b) }
}
