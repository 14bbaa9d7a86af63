package cn.zhifa.casework.internal.service;

import cn.zhifa.casework.CasePeriods;
import cn.zhifa.shared.Verdict;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The rules of service (行政处罚法第六十一条; 民事诉讼法第八十七条至第九十五条): which day a document counts as served,
 * and what may not be recorded.
 */
public final class ServiceRules {

    private final CasePeriods periods;

    public ServiceRules(CasePeriods periods) {
        this.periods = periods;
    }

    /** The day served: the recorded day, or for 公告送达 the end of the configured period from the announcement. */
    public LocalDate servedOn(ServiceMethod method, LocalDate eventOn) {
        return method == ServiceMethod.PUBLIC_NOTICE ? periods.publicNoticeServed(eventOn).due() : eventOn;
    }

    /**
     * May this service be recorded: a day given and not before the document was issued, not in the future (the 公告 day
     * included), electronic service only to the electronic address of a signed 送达地址确认书 with the party's consent.
     */
    public Verdict mayRecord(ServiceMethod method, LocalDate issuedOn, LocalDate eventOn, Optional<AddressConfirmation> confirmation,
                             LocalDate today) {
        if (method == null) {
            return Verdict.refuse("请选择送达方式。");
        }
        if (eventOn == null) {
            return Verdict.refuse("请填写" + method.eventLabel() + "。");
        }
        if (eventOn.isBefore(issuedOn)) {
            return Verdict.refuse("送达日期（" + eventOn + "）不能早于文书签发日期（" + issuedOn + "）：文书签发后才能送达（行政处罚法第六十一条）。");
        }
        if (eventOn.isAfter(today)) {
            return Verdict.refuse(method.eventLabel() + "不能晚于今天（" + today + "）。");
        }
        if (method == ServiceMethod.ELECTRONIC && confirmation.filter(AddressConfirmation::allowsElectronicService).isEmpty()) {
            return Verdict.refuse("当事人未签订同意电子送达的送达地址确认书，不能电子送达（行政处罚法第六十一条第二款：当事人同意并签订确认书的，"
                    + "行政机关可以采用传真、电子邮件等方式送达）。");
        }
        return Verdict.allow();
    }
}
