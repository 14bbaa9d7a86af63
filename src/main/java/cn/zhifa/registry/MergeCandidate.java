package cn.zhifa.registry;

import java.util.List;

/** Active records in one town whose names differ only in legal form, brackets or blanks: probably one enterprise. */
public record MergeCandidate(String townCode, String nameKey, List<EnterpriseSummary> enterprises) {
}
