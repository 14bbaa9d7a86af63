package cn.zhifa.documents;

import java.time.LocalDate;

/** Published after an issued document was voided (作废); its number stays recorded. */
public record DocumentVoided(long documentId, long organizationId, String kind, LocalDate voidedOn) {
}
