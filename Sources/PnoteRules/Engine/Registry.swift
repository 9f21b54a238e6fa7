/// Every rule, in code order. Adding a rule: write its type, then list it here.
public enum RuleRegistry {
    public static let all: [any Rule.Type] = [
        UnknownBlockKeyword.self, UnknownField.self, DuplicateField.self, InvalidValue.self,
        UnresolvedReference.self, DuplicateID.self, FrontMatterProblem.self, WrongReferenceKind.self,
        EmptyTitle.self, UnusedSuppression.self,
    ]

    /// A rule by code (`PN101`) or slug (`level-mismatch`), case-insensitively.
    public static func rule(named name: String) -> (any Rule.Type)? {
        let n = name.lowercased()
        return all.first { $0.meta.code.lowercased() == n || $0.meta.slug == n }
    }
}
