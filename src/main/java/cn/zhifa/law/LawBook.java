package cn.zhifa.law;

/**
 * All of the module's legal knowledge built from the bundled resources, for code that runs without
 * a Spring context (other modules' plain domain tests). In the application, inject the beans instead.
 */
public record LawBook(LegalCalendar calendar, StatutoryPeriods periods, AccidentGrading accidentGrading,
                      AccidentFines accidentFines, PenaltyArticles penaltyArticles, ProcedureRules procedure) {

    public static LawBook bundled() {
        LegalCalendar calendar = LegalCalendar.bundled();
        return new LawBook(calendar, StatutoryPeriods.bundled(calendar), AccidentGrading.bundled(),
                AccidentFines.bundled(), PenaltyArticles.bundled(), ProcedureRules.bundled());
    }
}
