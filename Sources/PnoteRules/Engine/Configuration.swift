import PnoteJSON
import PnoteModel

/// A broken configuration: always reported, never ignored.
public struct ConfigurationError: Error, Sendable, Equatable {
    public var path: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(path: String, line: Int, column: Int, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(path):\(line):\(column): \(message)" }
}

/// What rules may be tuned with (section 9 and the rules issue).
public struct RuleOptions: Sendable {
    public var lexicon: Lexicon
    /// PN207: savings per euro spent above this are implausible.
    public var maximumReturn: Double

    public static let standard = RuleOptions(lexicon: .standard, maximumReturn: 3.0)
}

/// `pnote.json`:
///
/// ```json
/// {"language": "nl",
///  "rules": {"PN306": "off", "missing-evidence": "warning"},
///  "lexicon": {"diagnosis": ["gameverslaving"], "thirdParty": ["kleinkinderen van"]},
///  "maximumReturn": 2.5}
/// ```
public struct Configuration: Sendable {
    public var path: String?
    public var language: Language?
    /// Rule code → severity, or nil for `off`.
    public var severities: [String: Severity?] = [:]
    public var options: RuleOptions = .standard
    /// What this configuration itself set, so that one configuration can be laid over
    /// another (the editor's settings over `pnote.json`).
    public var maximumReturnSetting: Double?
    public var lexiconAdditions: [TargetGroupClass: [String]] = [:]
    public var thirdPartyAdditions: [String] = []

    public init() {}

    /// This configuration with `override`'s settings laid over it.
    public func overlaid(with override: Configuration) -> Configuration {
        var out = self
        out.language = override.language ?? language
        out.severities.merge(override.severities) { $1 }
        out.maximumReturnSetting = override.maximumReturnSetting ?? maximumReturnSetting
        out.lexiconAdditions.merge(override.lexiconAdditions) { $0 + $1 }
        out.thirdPartyAdditions += override.thirdPartyAdditions
        out.options = RuleOptions(
            lexicon: out.lexiconAdditions.isEmpty && out.thirdPartyAdditions.isEmpty ? .standard
                : Lexicon.standard.adding(terms: out.lexiconAdditions, thirdParty: out.thirdPartyAdditions),
            maximumReturn: out.maximumReturnSetting ?? RuleOptions.standard.maximumReturn)
        return out
    }

    public static let fileName = "pnote.json"
    static let keys = ["language", "rules", "lexicon", "maximumReturn"]

    public static func parse(_ text: String, path: String) throws(ConfigurationError) -> Configuration {
        let parsed: JSONParser.Positioned
        do { parsed = try JSONParser.parseWithPositions(text) } catch {
            throw ConfigurationError(path: path, line: error.line, column: error.column, message: "not valid JSON: \(error.message)")
        }
        /// An error at a member's value (a wrong setting) …
        func fail(_ pointer: String, _ message: String) -> ConfigurationError {
            let p = parsed.valuePositions[pointer] ?? (1, 1)
            return ConfigurationError(path: path, line: p.line, column: p.column, message: message)
        }
        /// … or at its key (a name that does not exist).
        func failAtKey(_ pointer: String, _ message: String) -> ConfigurationError {
            let p = parsed.position(ofKey: pointer)
            return ConfigurationError(path: path, line: p.line, column: p.column, message: message)
        }
        guard let top = parsed.value.objectValue else { throw fail("", "the configuration must be a JSON object") }
        var config = Configuration()
        config.path = path
        var lexiconTerms: [TargetGroupClass: [String]] = [:]
        var thirdParty: [String] = []
        for (key, value) in top {
            let pointer = "/" + key
            switch key {
            case "language":
                guard let s = value.stringValue, case .success(let l) = Language.parse(s) else {
                    throw fail(pointer, "'language' must be \"nl\" or \"en\"")
                }
                config.language = l
            case "maximumReturn":
                guard let d = value.doubleValue, d > 0 else { throw fail(pointer, "'maximumReturn' must be a positive number") }
                config.options.maximumReturn = d
                config.maximumReturnSetting = d
            case "rules":
                guard let rules = value.objectValue else { throw fail(pointer, "'rules' must be an object of rule: severity") }
                for (name, setting) in rules {
                    let rulePointer = pointer + "/" + name
                    guard let rule = RuleRegistry.rule(named: name) else {
                        let near = Folding.nearest(to: name, in: RuleRegistry.all.map { $0.meta.slug })
                        throw failAtKey(rulePointer, "unknown rule '\(name)'" + (near.map { "; did you mean '\($0)'?" } ?? ""))
                    }
                    guard let word = setting.stringValue else { throw fail(rulePointer, "the setting of '\(name)' must be a string") }
                    if word == "off" { config.severities[rule.meta.code] = .some(nil); continue }
                    guard let severity = Severity(rawValue: word) else {
                        throw fail(rulePointer, "'\(word)' is not a severity; use error, warning, info, hint or off")
                    }
                    config.severities[rule.meta.code] = severity
                }
            case "lexicon":
                guard let entries = value.objectValue else { throw fail(pointer, "'lexicon' must be an object of class: [terms]") }
                for (name, list) in entries {
                    let listPointer = pointer + "/" + name
                    guard let words = list.arrayValue?.compactMap(\.stringValue), words.count == list.arrayValue?.count else {
                        throw fail(listPointer, "'\(name)' must be a list of strings")
                    }
                    if name == "thirdParty" { thirdParty += words; continue }
                    guard let cls = TargetGroupClass(rawValue: name) else {
                        throw failAtKey(listPointer, "unknown class '\(name)'; use population, riskFactor, earlySigns, diagnosis or thirdParty")
                    }
                    lexiconTerms[cls, default: []] += words
                }
            default:
                let near = Folding.nearest(to: key, in: keys)
                throw failAtKey(pointer, "unknown key '\(key)'" + (near.map { "; did you mean '\($0)'?" } ?? ""))
            }
        }
        config.lexiconAdditions = lexiconTerms
        config.thirdPartyAdditions = thirdParty
        if !lexiconTerms.isEmpty || !thirdParty.isEmpty {
            config.options.lexicon = Lexicon.standard.adding(terms: lexiconTerms, thirdParty: thirdParty)
        }
        return config
    }
}
