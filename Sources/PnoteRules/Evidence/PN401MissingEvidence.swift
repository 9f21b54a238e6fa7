import PnoteModel
import PnoteSyntax

public enum MissingEvidence: Rule {
    public static let meta = RuleMeta(
        code: "PN401", slug: "missing-evidence", severity: .info,
        title: Localized(nl: "Maatregel zonder onderbouwing", en: "Measure without evidence"),
        finds: Localized(nl: "Een maatregel zonder 'onderbouwing'. Met 'vereist: onderbouwing' in de voorpagina is dit een fout.",
                         en: "A measure without 'evidence'. With 'requires: evidence' in the front matter this is an error."),
        why: Localized(nl: "Of een interventie werkt, is vaak bekend: de Databank Effectieve Interventies beoordeelt ze. Een notitie die dat niet noemt, vraagt de raad om vertrouwen in plaats van kennis.",
                       en: "Whether an intervention works is often known: the Dutch database of effective interventions rates them. A note that does not say asks the council for trust instead of knowledge."),
        triggering: ["⟦## Maatregel: Huisbezoeken⟧\n- niveau: selectief\n"],
        nonTriggering: ["## Maatregel: Huisbezoeken\n- onderbouwing: erkend: goed onderbouwd\n"])

    public static func check(_ context: RuleContext) -> [Finding] {
        context.blocks(.measure, without: .evidence).map { block in
            Finding(range: block.syntax.heading.range,
                           message: Localized(nl: "maatregel '\(block.title)' noemt geen onderbouwing", en: "measure '\(block.title)' states no evidence"),
                           help: Localized(nl: "voeg '- onderbouwing: erkend: goed onderbouwd' toe, of een businesscase, MKBA of studie",
                                           en: "add '- evidence: recognised: well founded', or a business case or study"))
        }
    }
}
