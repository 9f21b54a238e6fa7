import PnoteModel
import PnoteOutput
import PnoteRules

/// `pnote explain CODE|slug` and `pnote rules [--format text|markdown]`.
enum RuleCommands {
    static let explainHelp = """
    Usage: pnote explain [--lang nl|en] CODE|slug

    Explains a rule: what it finds, why it matters, an example and what to write instead.

    """

    static let rulesHelp = """
    Usage: pnote rules [--format text|markdown] [--lang nl|en]

    Lists every rule (code, slug, default severity, title), or prints the rule reference
    as Markdown.

    """

    static func explain(_ args: [String], console: Console) throws(UsageError) -> Int32 {
        let reader = try ArgumentReader(args, valueOptions: ["--lang"], flagOptions: ["--help", "-h"])
        if reader.flag("--help") || reader.flag("-h") { console.out(explainHelp); return ExitStatus.clean }
        let language = try reader.choice("--lang", ["nl": Language.nl, "en": .en]) ?? .nl
        guard reader.positional.count == 1, let name = reader.positional.first else {
            throw UsageError(message: "explain needs one rule code or slug", hint: "for example 'pnote explain PN101'; 'pnote rules' lists them")
        }
        guard let rule = RuleRegistry.rule(named: name) else {
            let names = RuleRegistry.all.flatMap { [$0.meta.code, $0.meta.slug] }
            throw UsageError(message: "no rule '\(name)'",
                             hint: Folding.nearest(to: name, in: names).map { "did you mean '\($0)'?" } ?? "'pnote rules' lists them")
        }
        console.out(RuleReference.explain(rule.meta, language: language) + "\n")
        return ExitStatus.clean
    }

    static func rules(_ args: [String], console: Console) throws(UsageError) -> Int32 {
        let reader = try ArgumentReader(args, valueOptions: ["--format", "--lang"], flagOptions: ["--help", "-h"])
        if reader.flag("--help") || reader.flag("-h") { console.out(rulesHelp); return ExitStatus.clean }
        let language = try reader.choice("--lang", ["nl": Language.nl, "en": .en]) ?? .nl
        let markdown = try reader.choice("--format", ["text": false, "markdown": true]) ?? false
        console.out(markdown ? RuleReference.markdown(language: language) : RuleReference.list(language: language))
        return ExitStatus.clean
    }
}
