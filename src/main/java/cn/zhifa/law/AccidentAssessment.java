package cn.zhifa.law;

/**
 * The grade of an accident and why.
 *
 * @param explanation plain Chinese: which criterion decided, e.g. "死亡10人，达到重大事故标准（10人以上）"
 * @param basis       the legal source
 */
public record AccidentAssessment(AccidentGrade grade, String explanation, String basis) {
}
