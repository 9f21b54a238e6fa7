/// Deterministic synthetic notes with a realistic mix of blocks: per domain an envelope,
/// target groups, measures with seven fields, and goals with indicators.
enum SyntheticNotes {
    static func note(blocks: Int, municipality: String? = nil) -> String {
        var out = "---\ntitel: Synthetische notitie\n" + (municipality.map { "gemeente: \($0)\n" } ?? "")
            + "status: definitief\ndatum: 2023-11-15\nperiode: 2024-2027\nfocus: selectief\n---\n\n"
        out.reserveCapacity(blocks * 160)
        var made = 0, domain = 0
        let kinds = ["risicofactor: armoede", "signalen: schoolverzuim", "hele bevolking: alle inwoners", "diagnose: dementie"]
        let levels = ["selectief", "geïndiceerd", "universeel", "zorggerelateerd"]
        while made < blocks {
            domain += 1
            out += "# Domein: Domein \(domain)\n\nInleidende tekst over het domein, met gewone zinnen zoals in een echte notitie.\n\n"
            out += "## Begroting: Preventie \(domain) {#b\(domain)}\n- totaal: € 2.500.000 per jaar\n- periode: 2024-2027\n\n"
            made += 2
            var i = 0
            while i < 12 && made < blocks {
                let k = i % 4
                out += "## Doelgroep: Groep \(domain)-\(i) {#g\(domain)-\(i)}\n- kenmerk: \(kinds[k])\n- leeftijd: 18+\n- omvang: 1.400 inwoners (2023)\n\n"
                out += "## Maatregel: Maatregel \(domain)-\(i) {#m\(domain)-\(i)}\n- niveau: \(levels[k])\n- doelgroep: #g\(domain)-\(i)\n"
                out += "- doel: #d\(domain)-\(i)\n- budget: € 150.000 per jaar (2024-2027)\n- financiering: structureel, programmabegroting\n"
                out += "- taakveld: 6.1\n- onderbouwing: erkend: goed onderbouwd\n- bereik: 400 gezinnen (2024)\n\n"
                out += "Een alinea proza die uitlegt wat de maatregel doet en waarom, zoals beleidsmakers dat schrijven.\n\n"
                out += "## Doel: Minder problemen \(domain)-\(i) {#d\(domain)-\(i)}\n\n### Indicator: Aandeel inwoners \(domain)-\(i)\n"
                out += "- nulmeting: 14% (2022)\n- streefwaarde: maximaal 11% in 2027\n- bron: GGD Gezondheidsmonitor\n\n"
                made += 4
                i += 1
            }
        }
        return out
    }
}
