package cn.zhifa.shared.storage;

import cn.zhifa.shared.RuleViolation;

/**
 * The store of the bytes (the object store, or the local directory) could not be reached or written: nothing was kept,
 * and the person may try again later. A {@link RuleViolation}, so a form that shows refusals beside itself shows this
 * too; the API answers 503 with the message as {@code detail}, an error page says the same.
 */
public class StorageUnavailable extends RuleViolation {

    public static final String MESSAGE = "证据存储暂不可用，请稍后重试。";

    public StorageUnavailable(Throwable cause) {
        super(MESSAGE);
        initCause(cause);
    }

    /** The same for another store's bytes (issued documents …), with its own words. */
    public StorageUnavailable(String message, Throwable cause) {
        super(message);
        initCause(cause);
    }
}
