import PnoteModel
import PnoteSyntax

extension BlockKind {
    public var name: Localized {
        switch self {
        case .domain: Localized(nl: "domein", en: "domain")
        case .targetGroup: Localized(nl: "doelgroep", en: "target group")
        case .measure: Localized(nl: "maatregel", en: "measure")
        case .goal: Localized(nl: "doel", en: "goal")
        case .indicator: Localized(nl: "indicator", en: "indicator")
        case .budget: Localized(nl: "begroting", en: "budget")
        }
    }

    /// The keyword as a writer types it in a heading (`Doelgroep`, `Target group`).
    public func keyword(_ language: Language) -> String {
        let word = language == .nl ? keywords[0] : keywords[keywords.count > 2 ? 2 : 1]
        return word.prefix(1).uppercased() + word.dropFirst()
    }
}
