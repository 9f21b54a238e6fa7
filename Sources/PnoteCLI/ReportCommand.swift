import Foundation
import PnoteFiles
import PnoteModel
import PnoteOutput

/// `pnote report PATH… [--format html|markdown] [-o FILE] [--lang nl|en]`.
enum ReportCommand {
    static let help = """
    Usage: pnote report [--format html|markdown] [-o FILE] [--lang nl|en] [--config FILE] [PATH…]

    Writes a report for advisory councils: per note the prevention matrix, the budget per
    level and per domain against the envelopes, the measurability of the goals and the
    findings in plain language, and the findings across notes. HTML (default) is one
    self-contained, printable file; Markdown gives the same content as tables.

    """

    static func run(_ args: [String], console: Console) throws(UsageError) -> Int32 {
        let reader = try ArgumentReader(args, valueOptions: ["--format", "-o", "--output", "--lang", "--config", "--exclude"],
                                        flagOptions: ["--help", "-h"])
        if reader.flag("--help") || reader.flag("-h") { console.out(help); return ExitStatus.clean }
        let markdown = try reader.choice("--format", ["html": false, "markdown": true, "md": true]) ?? false
        var options = CheckCommand.Options()
        options.language = try reader.choice("--lang", ["nl": Language.nl, "en": .en])
        options.configPath = reader.value("--config")
        options.excludes = reader.values("--exclude")
        let paths = reader.positional.isEmpty ? ["."] : reader.positional
        BatchMemory.restartForLargeInputs(paths: paths, console: console)
        BatchMemory.growInLargeSteps()
        var run = CheckRun(options: options, console: console)
        run.keepsBlocks = true  // the report reads them
        let result = run.check(paths: paths)
        for failure in result.failures { console.err("pnote: \(failure.path): \(failure.reason)\n") }
        let data = ReportData(result: result)
        let text = markdown ? MarkdownReport.render(data) : HTMLReport.render(data)
        if let path = reader.value("-o") ?? reader.value("--output") {
            let absolute = path.hasPrefix("/") ? path : console.currentDirectory + "/" + path
            do { try AtomicFile.replaceContents(of: absolute, with: Array(text.utf8)) } catch {
                console.err("pnote: \(path): \(error.reason)\n")
                return ExitStatus.usageOrIO
            }
        } else {
            console.out(text)
        }
        return result.failures.isEmpty ? ExitStatus.clean : ExitStatus.usageOrIO
    }
}
