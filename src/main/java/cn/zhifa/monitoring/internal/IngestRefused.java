package cn.zhifa.monitoring.internal;

/** A report from a monitoring system that cannot be taken (bad input): 400 with the Chinese reason, nothing stored. */
public class IngestRefused extends RuntimeException {

    public IngestRefused(String reason) {
        super(reason);
    }
}
