package cn.zhifa.inspection.internal;

import cn.zhifa.shared.scheduling.RetriedByItsOwnJob;

/**
 * An on-site record was submitted and its documents (现场检查记录, 责令限期整改指令书, 现场处理措施决定书) are to be issued
 * after the submission commits, in the name of the officer who submitted it ({@code submittedBy}: the username). Stored in the event publication
 * registry with the submission, so a failed issue is retried, never lost. {@code reachedAt}: the address the
 * submitting request reached the platform at, for the documents' verification links while no public address is
 * configured (null when it is). Delivered again after a failure by {@link RecordDocumentsRetries}, as the documents'
 * executor has room.
 */
public record RecordDocumentsDue(long recordId, String submittedBy, String reachedAt) implements RetriedByItsOwnJob {
}
