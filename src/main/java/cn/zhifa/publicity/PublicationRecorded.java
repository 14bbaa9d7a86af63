package cn.zhifa.publicity;

import java.time.LocalDate;

/**
 * The state of a penalty decision's publication after it was recorded, published, withdrawn or carried to a channel:
 * a snapshot keyed by the publication, so that reporting's publicity figures can apply it any number of times.
 *
 * @param dueOn the day by which it must be published (7 working days after the decision)
 */
public record PublicationRecorded(long publicationId, long organizationId, LocalDate dueOn, LocalDate publishedOn,
                                  LocalDate withdrawnOn) {

    /** Counted among the decisions due for publication: published, or not withdrawn before it was. */
    public boolean counted() {
        return publishedOn != null || withdrawnOn == null;
    }

    public boolean publishedOnTime() {
        return publishedOn != null && !publishedOn.isAfter(dueOn);
    }
}
