package cn.zhifa.casework.internal.records;

import cn.zhifa.casework.PreservationDecision;
import cn.zhifa.casework.RecordInput;
import cn.zhifa.law.IdNumber;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The value parts of an {@link InvestigationRecord}. */
public final class RecordParts {

    private RecordParts() {
    }

    /** The person a record concerns (被询问人, 到场人, 收件人 …). */
    public record Person(String name, String gender, String idNumber, String phone, String workUnit, String position,
                         String relation) {

        public static Person named(String name) {
            return new Person(name, null, null, null, null, null, null);
        }

        public Integer age(LocalDate today) {
            return idNumber == null ? null : Period.between(new IdNumber(idNumber).birthDate(), today).getYears();
        }
    }

    /** An officer of the record (执法人员 or 记录人): user id, name, 执法证号. */
    public record Named(long userId, String name, String certificateNo) {
    }

    /** Who acts on a record: user id and name. */
    public record By(long userId, String name) {
    }

    /**
     * What the record says: when and where, the person concerned, the officers (first, second, recorder), the
     * question/answer rows or the preserved items, the main text and the kind's further details ({@code key=value} lines).
     */
    public record Content(LocalDateTime startedAt, LocalDateTime endedAt, String place, Person person, List<Named> team,
                          List<RecordInput.QuestionAnswer> answers, List<RecordInput.Item> items, String text,
                          String details) {

        public Content {
            team = team == null ? List.of() : List.copyOf(team);
            answers = answers == null ? List.of() : List.copyOf(answers);
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    /** The signature areas drawn and the refusals recorded (area → circumstances and witness), with the note kept. */
    public record Signing(Set<String> signedAreas, Map<String, String> refusedAreas, String note) {

        public Signing {
            signedAreas = Set.copyOf(signedAreas);
            refusedAreas = Map.copyOf(refusedAreas);
            note = note == null || note.isBlank() ? null : note;
        }
    }

    /** The standard document issued from the record (documents module: id, kind, title, number). */
    public record DocumentRef(long id, String kind, String title, String number) {
    }

    /** The head's approval of a 先行登记保存: asked before, or (emergency) given afterwards. */
    public record Approval(String reason, boolean emergency, String emergencyReason, By approvedBy, Instant approvedAt,
                           String opinion, boolean afterwards) {

        public static Approval requested(String reason) {
            return new Approval(reason, false, null, null, null, null, false);
        }

        public static Approval emergency(String emergencyReason) {
            return new Approval(null, true, emergencyReason, null, null, null, false);
        }

        public boolean given() {
            return approvedAt != null;
        }

        Approval give(By by, Instant at, String opinion, boolean afterwards) {
            return new Approval(reason, emergency, emergencyReason, by, at, opinion, afterwards);
        }
    }

    /** The 先行登记保存处理决定 once made. */
    public record Outcome(PreservationDecision decision, LocalDate decidedOn, String reason, boolean late, By decidedBy,
                         Instant decidedAt) {
    }
}
