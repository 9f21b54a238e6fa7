import PnoteModel
import PnoteRules
import PnoteSyntax

/// What the format's words mean, for hover and completion (section 4–6 of the spec).
enum Glossary {
    static func block(_ kind: BlockKind) -> Localized {
        switch kind {
        case .domain: Localized(nl: "Een beleidsdomein (jeugd, Wmo, werk en inkomen, gezondheid …). Blokken eronder horen bij dit domein.",
                                en: "A policy domain (youth, social support, work and income, public health …). Blocks under it belong to it.")
        case .targetGroup: Localized(nl: "Een doelgroep. Het kenmerk bepaalt welk preventieniveau past: de hele bevolking, een risicofactor, eerste signalen of een diagnose.",
                                     en: "A target group. Its criterion decides which prevention level fits: the whole population, a risk factor, early signs or a diagnosis.")
        case .measure: Localized(nl: "Een maatregel of interventie: wat gaan we doen? Met niveau, doelgroep, doel, budget, onderbouwing en bereik.",
                                 en: "A measure or intervention: what will we do? With level, target group, goal, budget, evidence and reach.")
        case .goal: Localized(nl: "Een doel: wat willen we bereiken? Met een indicator, nulmeting, streefwaarde met jaar, en bron.",
                              en: "A goal: what do we want to achieve? With an indicator, baseline, target with a year, and source.")
        case .indicator: Localized(nl: "Een indicator van het doel erboven, met nulmeting, streefwaarde en bron.",
                                   en: "An indicator of the goal above it, with baseline, target and source.")
        case .budget: Localized(nl: "Een begroting (budgetenvelop): het totaal per jaar voor de maatregelen van een domein.",
                                en: "A budget envelope: the annual total for the measures of a domain.")
        }
    }

    static func field(_ key: FieldKey) -> Localized {
        switch key {
        case .id: Localized(nl: "Het id waarmee naar dit blok verwezen wordt (#id).", en: "The id other blocks use to refer to this one (#id).")
        case .criterion: Localized(nl: "Wat iemand tot de groep maakt. Begin met: hele bevolking, risicofactor, signalen of diagnose.", en: "What makes someone part of the group. Start with: population, risk factor, early signs or diagnosis.")
        case .size: Localized(nl: "Hoe groot de groep is, met eenheid en jaar of bron.", en: "How large the group is, with unit and year or source.")
        case .age: Localized(nl: "De leeftijd: 0-4 jaar, 18+, 65 jaar en ouder.", en: "The age: 0-4 years, 18+, 65 years and older.")
        case .domain: Localized(nl: "Het domein (overschrijft het domein erboven).", en: "The domain (overrides the enclosing one).")
        case .level: Localized(nl: "Het preventieniveau van de maatregel, in de indeling van de notitie.", en: "The measure's prevention level, in the note's classification.")
        case .targetGroup: Localized(nl: "De doelgroep(en) van de maatregel: #id, titel of notitie.pnote#id.", en: "The measure's target group(s): #id, title or note.pnote#id.")
        case .goal: Localized(nl: "De doelen waaraan de maatregel bijdraagt.", en: "The goals the measure contributes to.")
        case .budget: Localized(nl: "Het geld: € 250.000 per jaar (2024-2027), eenmalig, totaal, of binnen bestaande middelen.", en: "The money: €250,000 per year (2024-2027), one-off, total, or within existing budget.")
        case .funding: Localized(nl: "Structureel of incidenteel, en waaruit het betaald wordt.", en: "Structural or incidental, and where the money comes from.")
        case .envelope: Localized(nl: "De begroting waaruit de maatregel betaald wordt.", en: "The envelope the measure is paid from.")
        case .taskField: Localized(nl: "Het BBV-taakveld waarop het geld geboekt wordt.", en: "The BBV task field the money is booked on.")
        case .evidence: Localized(nl: "De onderbouwing: erkend (met niveau), of een businesscase, MKBA of studie.", en: "The evidence: recognised (with level), or a business case, cost-benefit analysis or study.")
        case .reach: Localized(nl: "Hoeveel mensen de maatregel bereikt, met jaar.", en: "How many people the measure reaches, with year.")
        case .savings: Localized(nl: "De verwachte besparing per periode.", en: "The expected savings per period.")
        case .provider: Localized(nl: "Wie de maatregel uitvoert.", en: "Who carries out the measure.")
        case .indicator: Localized(nl: "Wat er gemeten wordt, met eenheid.", en: "What is measured, with its unit.")
        case .baseline: Localized(nl: "De nulmeting, met het jaar: 48 (2018).", en: "The baseline, with its year: 48 (2018).")
        case .target: Localized(nl: "De streefwaarde, met het jaar: 40 in 2022.", en: "The target, with its year: 40 by 2022.")
        case .source: Localized(nl: "Waar de cijfers vandaan komen.", en: "Where the figures come from.")
        case .total: Localized(nl: "Het totaal van de begroting, meestal per jaar.", en: "The envelope's total, usually per year.")
        case .period: Localized(nl: "De jaren van de begroting.", en: "The years the envelope covers.")
        }
    }

    static func frontMatter(_ key: FrontMatterKey) -> Localized {
        switch key {
        case .title: Localized(nl: "De titel van de notitie.", en: "The note's title.")
        case .municipality: Localized(nl: "De gemeente of regio.", en: "The municipality or region.")
        case .status: Localized(nl: "concept of definitief; in een concept worden fouten in het beleid als waarschuwing gemeld.", en: "draft or final; in a draft, policy errors are reported as warnings.")
        case .date: Localized(nl: "De datum van de notitie.", en: "The note's date.")
        case .period: Localized(nl: "De jaren waarover de notitie gaat.", en: "The years the note covers.")
        case .language: Localized(nl: "De taal van meldingen en getallen (nl of en).", en: "The language of messages and numbers (nl or en).")
        case .classification: Localized(nl: "De indeling in preventieniveaus: doelgroep (universeel … zorggerelateerd) of stadium (primair … tertiair).", en: "The classification of levels: target-group (universal … care-related) or stage (primary … tertiary).")
        case .focus: Localized(nl: "Het niveau waarop de notitie zich richt; het grootste deel van het geld hoort daar te zitten.", en: "The level the note focuses on; most of the money should go there.")
        case .requires: Localized(nl: "De eigen eisen van de notitie: onderbouwing, bereik, bron.", en: "The note's own requirements: evidence, reach, source.")
        }
    }

    static func level(_ level: PreventionLevel) -> Localized {
        switch level {
        case .universal: Localized(nl: "Voor de hele bevolking of een hele leeftijdsgroep, zonder bekend risico.", en: "For the whole population or an entire age group, no known risk.")
        case .selective: Localized(nl: "Voor groepen met een bekende risicofactor (armoede, scheiding, ouders met psychische problemen, mantelzorg, laaggeletterdheid).", en: "For groups with a known risk factor (poverty, divorce, parents with mental illness, informal care, low literacy).")
        case .indicated: Localized(nl: "Voor mensen met eerste signalen of beginnende problemen, zonder diagnose.", en: "For individuals with early signs or beginning problems, no diagnosis.")
        case .careRelated: Localized(nl: "Voor mensen met een bestaande aandoening of diagnose: verergering, terugval en complicaties voorkomen.", en: "For people with an existing condition or diagnosis: prevent worsening, relapse, complications.")
        case .primary: Localized(nl: "Voorkomen dat een probleem ontstaat (bevolking en risicogroepen).", en: "Prevent a problem from arising (population and risk groups).")
        case .secondary: Localized(nl: "Vroeg opsporen en behandelen (eerste signalen).", en: "Detect and treat early (early signs).")
        case .tertiary: Localized(nl: "Verergering of terugval van een bestaand probleem voorkomen.", en: "Prevent worsening or relapse of an existing problem.")
        }
    }
}

/// What lies at an offset of a note.
enum SyntaxTarget {
    case keyword(Block)
    case id(Block, TextRange)
    case title(Block)
    case fieldKey(Block, Field)
    case reference(Block, Field, Reference)
    case fieldValue(Block, Field)
    case frontMatterKey(Setting)
    case frontMatterValue(Setting)
    case nothing

    static func at(_ offset: Int, in note: Note) -> SyntaxTarget {
        func inside(_ r: TextRange?) -> Bool { r.map { $0.start <= offset && offset <= $0.end } ?? false }
        for setting in note.frontMatter {
            if inside(setting.syntax.keyRange) { return .frontMatterKey(setting) }
            if inside(setting.syntax.valueRange) { return .frontMatterValue(setting) }
        }
        for block in note.blocks {
            let h = block.syntax.heading
            if inside(h.range) {
                if inside(h.keywordRange) { return .keyword(block) }
                if let idRange = h.idRange, inside(idRange) { return .id(block, idRange) }
                return .title(block)
            }
            guard block.syntax.range.contains(offset) || block.syntax.range.end == offset else { continue }
            for field in block.fields {
                if inside(field.syntax.keyRange) { return .fieldKey(block, field) }
                if inside(field.syntax.fullValueRange) || field.syntax.continuationRanges.contains(where: inside) {
                    if case .references(let refs) = field.value, let ref = refs.first(where: { inside($0.range) }) {
                        return .reference(block, field, ref)
                    }
                    return .fieldValue(block, field)
                }
            }
        }
        return .nothing
    }
}
