package cn.zhifa.shared.scheduling;

/**
 * An event whose failed deliveries its module delivers again with a job of its own (a submitted record's documents:
 * only as many as the documents' executor has room for, on the nodes that issue them), so {@link FailedDeliveries}
 * leaves them alone.
 */
public interface RetriedByItsOwnJob {
}
