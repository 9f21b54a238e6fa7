import PnoteModel
import PnoteSyntax

public enum ExistingBudgetWithoutSource: Rule {
    public static let meta = RuleMeta(
        code: "PN208", slug: "existing-budget-without-source", severity: .info,
        title: Localized(nl: "Bestaande middelen zonder bron", en: "Existing budget without a source"),
        finds: Localized(nl: "'budget: binnen bestaande middelen' zonder 'financiering' die zegt welke middelen.",
                         en: "'budget: within existing budget' without 'funding' that says which budget."),
        why: Localized(nl: "'Binnen bestaande middelen' betekent dat iets anders minder krijgt. Zonder bron weet niemand wat.",
                       en: "'Within existing budget' means something else gets less. Without the source nobody knows what."),
        triggering: ["## Maatregel: Vroegsignalering\n- budget: ⟦binnen bestaande middelen⟧\n"],
        nonTriggering: ["## Maatregel: Vroegsignalering\n- budget: binnen bestaande middelen\n- financiering: structureel, budget schuldhulpverlening\n"])

    public static func check(_ context: RuleContext) -> [Finding] {
        context.note.blocks(of: .measure).compactMap { block in
            guard block.budget == .existingBudget, let field = block.field(.budget) else { return nil }
            if case .funding(let f)? = block.value(.funding), !f.source.isEmpty { return nil }
            return Finding(range: field.syntax.fullValueRange,
                           message: Localized(nl: "'\(block.title)' wordt betaald binnen bestaande middelen, maar er staat niet welke",
                                              en: "'\(block.title)' is paid within the existing budget, but it does not say which"),
                           help: Localized(nl: "noem de bron: '- financiering: structureel, budget schuldhulpverlening'",
                                           en: "name the source: '- funding: structural, debt-advice budget'"))
        }
    }
}
