import PnoteModel

/// A usage error: printed with a hint, exit status 2.
public struct UsageError: Error, Sendable {
    public var message: String
    public var hint: String?
}

/// A small typed argument reader: options with a value (`--format json` or
/// `--format=json`), flags, and positional arguments. `-` alone is positional (stdin).
struct ArgumentReader {
    private(set) var positional: [String] = []
    private var values: [String: String] = [:]
    private var repeated: [String: [String]] = [:]
    private var flags: Set<String> = []

    init(_ args: [String], valueOptions: Set<String>, flagOptions: Set<String>) throws(UsageError) {
        var i = 0
        var onlyPositional = false
        while i < args.count {
            let arg = args[i]
            i += 1
            if onlyPositional || !arg.hasPrefix("-") || arg == "-" { positional.append(arg); continue }
            if arg == "--" { onlyPositional = true; continue }
            var name = arg, inline: String?
            if let eq = arg.firstIndex(of: "=") {
                name = String(arg[..<eq])
                inline = String(arg[arg.index(after: eq)...])
            }
            if valueOptions.contains(name) {
                let value: String
                if let inline { value = inline } else {
                    guard i < args.count else { throw UsageError(message: "option '\(name)' needs a value", hint: nil) }
                    value = args[i]
                    i += 1
                }
                values[name] = value
                repeated[name, default: []].append(value)
            } else if flagOptions.contains(name) && inline == nil {
                flags.insert(name)
            } else {
                let known = Array(valueOptions) + Array(flagOptions)
                let near = Folding.nearest(to: name, in: known)
                throw UsageError(message: "unknown option '\(name)'",
                                 hint: near.map { "did you mean '\($0)'?" } ?? "see 'pnote --help'")
            }
        }
    }

    func value(_ name: String) -> String? { values[name] }
    func values(_ name: String) -> [String] { repeated[name] ?? [] }
    func flag(_ name: String) -> Bool { flags.contains(name) }

    func choice<T>(_ name: String, _ options: [String: T]) throws(UsageError) -> T? {
        guard let v = values[name] else { return nil }
        guard let t = options[v.lowercased()] else {
            throw UsageError(message: "'\(v)' is not a value for \(name)",
                             hint: "use one of: \(options.keys.sorted().joined(separator: ", "))")
        }
        return t
    }
}
