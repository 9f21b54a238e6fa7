/// Every rule, in code order. Adding a rule: write its type, then list it here.
public enum RuleRegistry {
    public static let all: [any Rule.Type] = [
        UnknownBlockKeyword.self, UnknownField.self, DuplicateField.self, InvalidValue.self,
        UnresolvedReference.self, DuplicateID.self, FrontMatterProblem.self, WrongReferenceKind.self,
        EmptyTitle.self, UnusedSuppression.self,
        LevelMismatch.self, MixedClassification.self, MissingLevel.self, UnclassifiedTargetGroup.self,
        MeasureWithoutTargetGroup.self, MixedTerminologyInProse.self, FocusNotReflected.self, LevelConflictAcrossNotes.self,
        MissingBudget.self, BudgetWithoutPeriod.self, BudgetOutsidePeriod.self, StructuralWithIncidentalFunding.self,
        EnvelopeExceeded.self, UnsupportedSavings.self, ImplausibleReturn.self, ExistingBudgetWithoutSource.self,
        PreventionOnEscalatedCare.self, DoubleCountedMeasure.self, TaskFieldNotValidForYear.self,
        GoalWithoutIndicator.self, MissingBaseline.self, MissingTarget.self, MissingDeadline.self, MissingSource.self,
        VagueGoal.self, DirectionMismatch.self, PercentageOutOfRange.self, DeadlineOutsidePeriod.self,
        MeasureWithoutGoal.self, GoalWithoutMeasure.self, TargetGroupWithoutMeasure.self, MissingReach.self,
        UnitMismatch.self, OfficialIndicatorUnit.self,
        MissingEvidence.self, UnknownEvidenceLevel.self,
    ]

    /// A rule by code (`PN101`) or slug (`level-mismatch`), case-insensitively.
    public static func rule(named name: String) -> (any Rule.Type)? {
        let n = name.lowercased()
        return all.first { $0.meta.code.lowercased() == n || $0.meta.slug == n }
    }
}
