package cn.zhifa.inspection;

import java.util.List;

/**
 * The documents of a submitted record as the officer sees them: issued (with their ids), still being issued after the
 * submission (kinds known from the record, no document yet), or none due (a draft, or an online check). {@code delayed}:
 * still not issued a while after the submission (the issue failed and waits for its retry).
 */
public record RecordDocuments(State state, boolean delayed, List<Entry> entries) {

    public enum State { NONE, PENDING, ISSUED }

    /** One document: {@code documentId} and {@code number} are null while it is pending. */
    public record Entry(String kind, String title, State state, Long documentId, String number) {
    }

    public boolean pending() {
        return state == State.PENDING;
    }

    /** The documents' titles, each once: 现场检查记录、责令限期整改指令书. */
    public String titles() {
        return String.join("、", entries.stream().map(Entry::title).distinct().toList());
    }
}
