package cn.zhifa.documents;

import java.time.LocalDate;
import java.util.List;

/**
 * One issued document going into a case file: its kind, title, number (null when it has none), date, the issued
 * PDF bytes, the signature areas left unsigned (optional ones, e.g. 审批人) and those with a recorded refusal.
 */
public record CaseFileEntry(String kind, String title, String number, LocalDate date, byte[] pdf,
                            List<String> unsignedAreas, List<String> refusedAreas) {
    public CaseFileEntry {
        unsignedAreas = unsignedAreas == null ? List.of() : List.copyOf(unsignedAreas);
        refusedAreas = refusedAreas == null ? List.of() : List.copyOf(refusedAreas);
    }
}
