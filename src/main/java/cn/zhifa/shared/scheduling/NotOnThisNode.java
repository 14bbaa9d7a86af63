package cn.zhifa.shared.scheduling;

/**
 * Thrown by an asynchronous module listener whose work this node leaves to other nodes (e.g. a submitted record's
 * documents on a node with {@code zhifa.documents.issue-here: false}): its event publication stays incomplete, marked
 * failed, for the job on those nodes to deliver again. Not an error: logged in one line, without a stack trace.
 */
public class NotOnThisNode extends RuntimeException {

    public NotOnThisNode(String message) {
        super(message, null, false, false);
    }
}
