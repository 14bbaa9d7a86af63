package cn.zhifa.documents;

import java.util.List;

/**
 * What other modules and pages need to know of a standard document: its kind code, title, default 代字 (without
 * 应急), whether it carries a 文号, the stage it belongs to (inspection, hazard, case), its place in the 立卷顺序,
 * its field names and the signature areas that must be signed (or the refusal recorded) before issue.
 */
public record TemplateSummary(String kind, String title, String prefix, boolean numbered, String category,
                              Integer filingOrder, List<String> fields, List<String> requiredFields,
                              List<String> requiredSignatures, List<String> partyRoles) {}
