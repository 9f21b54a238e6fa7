import PnoteModel
import PnoteSyntax
import Testing
@testable import PnoteRules

/// One rule's example in one variant (as written, CRLF, after a multibyte prefix).
struct ExampleCase: CustomTestStringConvertible, Sendable {
    enum Variant: String, Sendable, CaseIterable { case plain, crlf, multibytePrefix }
    var code: String
    var index: Int
    var marked: String
    var variant: Variant
    var testDescription: String { "\(code) example \(index + 1) (\(variant.rawValue))" }

    /// The marked text transformed for the variant; markers stay in place.
    var text: String {
        switch variant {
        case .plain: return marked
        case .crlf: return marked.replacingOccurrences(of: "\n", with: "\r\n")
        case .multibytePrefix:
            // Front matter must stay on the first line, so the prefix goes inside it.
            if marked.hasPrefix("---\n") || marked.hasPrefix("⟦---⟧\n") {
                let firstLineEnd = marked.firstIndex(of: "\n")!
                return String(marked[...firstLineEnd]) + "# Één € — ëë\n" + marked[marked.index(after: firstLineEnd)...]
            }
            return "Één inleidende zin met € en ë — 😀.\n\n" + marked
        }
    }
}

let triggeringCases: [ExampleCase] = RuleRegistry.all.flatMap { rule in
    rule.meta.triggering.enumerated().flatMap { i, text in
        ExampleCase.Variant.allCases.map { ExampleCase(code: rule.meta.code, index: i, marked: text, variant: $0) }
    }
}
let nonTriggeringCases: [ExampleCase] = RuleRegistry.all.flatMap { rule in
    rule.meta.nonTriggering.enumerated().flatMap { i, text in
        ExampleCase.Variant.allCases.map { ExampleCase(code: rule.meta.code, index: i, marked: text, variant: $0) }
    }
}

@Suite struct RuleExampleTests {
    @Test(arguments: triggeringCases)
    func triggeringExampleReportsExactlyTheMarkedRanges(_ c: ExampleCase) {
        let marked = MarkedText(c.text)
        #expect(!marked.ranges.isEmpty, "a triggering example marks where it triggers")
        let found = diagnostics(marked.text).filter { $0.code == c.code }.map(\.range).sorted()
        let source = SourceText(marked.text)
        let show = { (rs: [TextRange]) in rs.map { r -> String in
            let a = source.location(of: r.start), b = source.location(of: r.end)
            return "\(a.line):\(a.column)-\(b.line):\(b.column)"
        } }
        #expect(show(found) == show(marked.ranges))
    }

    @Test(arguments: triggeringCases.filter { $0.variant == .plain })
    func suppressionCommentSilencesTheTriggeringExample(_ c: ExampleCase) {
        let text = withFileSuppression(MarkedText(c.text).text, c.code)
        let all = diagnostics(text)
        #expect(all.filter { $0.code == c.code && !isTheSuppressionItself($0, text) }.isEmpty)
        #expect(!all.contains { $0.code == "PN010" && isTheSuppressionItself($0, text) }, "the suppression was used")
    }

    @Test(arguments: nonTriggeringCases)
    func nonTriggeringExampleIsQuiet(_ c: ExampleCase) {
        let found = diagnostics(MarkedText(c.text).text).filter { $0.code == c.code }
        #expect(found.isEmpty, "\(found.map(\.message.en))")
    }

    private func isTheSuppressionItself(_ d: Diagnostic, _ text: String) -> Bool {
        let source = SourceText(text)
        return source.text(d.range).contains("pnote-disable-file")
    }
}

@Suite struct RuleMetadataTests {
    @Test func everyRuleIsDocumentedInBothLanguagesWithExamples() {
        for rule in RuleRegistry.all {
            let m = rule.meta
            #expect(!m.triggering.isEmpty, "\(m.code) has no triggering example")
            #expect(!m.nonTriggering.isEmpty, "\(m.code) has no non-triggering example")
            for text in [m.title, m.finds, m.why] {
                #expect(!text.nl.isEmpty && !text.en.isEmpty, "\(m.code) lacks a translation")
                #expect(text.nl != text.en || text.nl.count < 12, "\(m.code): the Dutch text looks untranslated")
            }
        }
    }

    @Test func codesAndSlugsAreUniqueAndWellFormed() {
        let codes = RuleRegistry.all.map { $0.meta.code }
        let slugs = RuleRegistry.all.map { $0.meta.slug }
        #expect(Set(codes).count == codes.count)
        #expect(Set(slugs).count == slugs.count)
        #expect(codes == codes.sorted(), "the registry is in code order")
        let malformedCodes = codes.filter { code in code.count != 5 || !code.hasPrefix("PN") || Int(code.dropFirst(2)) == nil }
        #expect(malformedCodes.isEmpty)
        let malformedSlugs = slugs.filter { slug in !slug.allSatisfy { ch in ch.isLowercase || ch == "-" || ch.isNumber } }
        #expect(malformedSlugs.isEmpty)
        let byCode = RuleRegistry.rule(named: "pn004")?.meta.slug
        let bySlug = RuleRegistry.rule(named: "duplicate-id")?.meta.code
        #expect(byCode == "invalid-value")
        #expect(bySlug == "PN006")
    }
}
