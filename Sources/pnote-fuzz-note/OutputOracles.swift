import PnoteJSON
import PnoteModel
import PnoteOutput
import PnoteRules

/// Checks on the four `pnote check` outputs of a fuzzed workspace. The renderers write
/// bytes themselves (escapes, control characters, text repaired from invalid UTF-8), so
/// each output is read back: JSON and SARIF must parse and give every message back
/// exactly; GitHub must be one command line per finding whose data decodes to the message.
enum OutputOracles {
    /// Rendering and reading back cost three times the check itself (SARIF alone, every
    /// rule's help pretty printed, twice), so while fuzzing the target asks for it on one
    /// input in four, chosen by the input's length; replaying files, on every one.
    static func wanted(for bytes: [UInt8]) -> Bool {
        #if PNOTE_FUZZING
        bytes.count % 4 == 0
        #else
        true
        #endif
    }

    static func check(_ result: CheckResult) {
        checkJSON(result)
        checkSARIF(result)
        checkGitHub(result)
        let text = TextRenderer().render(result)
        precondition(text.hasSuffix("\n"), "text output ends its summary with a newline")
    }

    static func parsed(_ text: String, _ format: String) -> JSON {
        do {
            return try JSONParser.parse(text)
        } catch {
            preconditionFailure("\(format) output is not JSON: \(error.message) at \(error.line):\(error.column)")
        }
    }

    /// Byte for byte: `==` on strings would accept a canonically equivalent spelling.
    static func same(_ a: String?, _ b: String) -> Bool {
        a.map { Array($0.utf8) == Array(b.utf8) } ?? false
    }

    static func string(_ value: JSON?) -> String? {
        if case .string(let s)? = value { return s }
        return nil
    }

    static func array(_ value: JSON?) -> [JSON] {
        if case .array(let items)? = value { return items }
        preconditionFailure("expected an array")
    }

    static func checkJSON(_ result: CheckResult) {
        let files = array(parsed(JSONRenderer.render(result), "JSON")["files"])
        precondition(files.count == result.files.count, "one JSON entry per file")
        for (entry, file) in zip(files, result.files) {
            precondition(same(string(entry["path"]), file.displayPath), "JSON path")
            let diagnostics = array(entry["diagnostics"])
            precondition(diagnostics.count == file.diagnostics.count, "one JSON diagnostic per finding")
            for (item, d) in zip(diagnostics, file.diagnostics) {
                precondition(string(item["code"]) == d.code, "JSON code")
                precondition(same(string(item["message"]), d.message.text(file.language)), "JSON message read back differs")
            }
        }
    }

    static func checkSARIF(_ result: CheckResult) {
        let runs = array(parsed(SARIFRenderer.render(result, version: "fuzz"), "SARIF")["runs"])
        let results = array(runs.first?["results"])
        let expected = result.files.flatMap { file in (file.diagnostics + file.suppressed).map { (file, $0) } }
        precondition(results.count == expected.count, "one SARIF result per finding, suppressed ones included")
        for (item, (file, d)) in zip(results, expected) {
            let lang = file.language
            let message = d.message.text(lang) + (d.help.map { " (\($0.text(lang)))" } ?? "")
            precondition(string(item["ruleId"]) == d.code && same(string(item["message"]?["text"]), message), "SARIF result read back differs")
        }
    }

    static func checkGitHub(_ result: CheckResult) {
        // Split on the byte: Swift's "\n" Character would not split a "\r\n".
        let lines = Array(GitHubRenderer.render(result).utf8).split(separator: 0x0A, omittingEmptySubsequences: false)
        let findings = result.files.flatMap { file in file.diagnostics.map { (file, $0) } }
        precondition(lines.count == findings.count + 1 && lines.last!.isEmpty, "one GitHub command line per finding")
        let colons = Array("::".utf8)
        for (line, (file, d)) in zip(lines, findings) {
            precondition(line.starts(with: colons) && !line.contains(0x0D), "a GitHub command on one line")
            // Properties escape ':', so the second "::" ends them; the rest is the data.
            guard let end = line.indices.dropFirst(2).first(where: { line[$0...].starts(with: colons) }) else {
                preconditionFailure("GitHub command without data")
            }
            let data = decoded(line[(end + 2)...])
            let expected = d.message.text(file.language) + (d.help.map { "\n" + $0.text(file.language) } ?? "")
            precondition(data == Array(expected.utf8), "GitHub data decodes to the message")
        }
    }

    /// Workflow-command data: %25, %0D and %0A back to '%', CR and LF.
    static func decoded(_ data: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        let bytes = Array(data)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%"), i + 2 < bytes.count {
                switch (bytes[i + 1], bytes[i + 2]) {
                case (UInt8(ascii: "2"), UInt8(ascii: "5")): out.append(UInt8(ascii: "%")); i += 3; continue
                case (UInt8(ascii: "0"), UInt8(ascii: "D")): out.append(0x0D); i += 3; continue
                case (UInt8(ascii: "0"), UInt8(ascii: "A")): out.append(0x0A); i += 3; continue
                default: break
                }
            }
            out.append(bytes[i])
            i += 1
        }
        return out
    }
}
