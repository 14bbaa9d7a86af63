package cn.zhifa.supervision.internal;

import cn.zhifa.supervision.ComplaintChannel;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Complaint settings ({@code zhifa.supervision.complaints.*} in application.yml): the 受理 and 办结 periods per channel
 * with their source, the warning window, and the 举报奖励 rule. Values whose source is not confirmed say so.
 *
 * @param periods            per channel: the periods and where they come from
 * @param warningWorkingDays a complaint is 临期 this many working days before its next due day
 * @param reward             举报奖励: a share of the fine, within a minimum and a maximum
 */
@ConfigurationProperties("zhifa.supervision.complaints")
public record ComplaintRules(Map<ComplaintChannel, Period> periods, @DefaultValue("2") int warningWorkingDays,
                             Reward reward) {

    /**
     * @param acceptDays  days from receipt to the 受理/不予受理 decision
     * @param closeDays   days from receipt to 办结 (reply given)
     * @param calendarDays true: the days are calendar days (信访工作条例's "日"); false: working days
     * @param source      the legal or local source, in Chinese
     * @param confirmed   false while the value is not confirmed against its source
     */
    public record Period(int acceptDays, int closeDays, boolean calendarDays, String source, boolean confirmed) {
    }

    /**
     * @param rate     share of the fine (0.15 = 15 %)
     * @param minimumYuan the least reward when the rule applies
     * @param maximumYuan the cap
     */
    public record Reward(BigDecimal rate, BigDecimal minimumYuan, BigDecimal maximumYuan, String source, boolean confirmed) {
    }

    private static final Period FALLBACK = new Period(5, 30, false, "本地规定（未配置时的默认值，待确认）", false);

    public ComplaintRules {
        Map<ComplaintChannel, Period> all = new EnumMap<>(ComplaintChannel.class);
        if (periods != null) {
            all.putAll(periods);
        }
        for (ComplaintChannel channel : ComplaintChannel.values()) {
            all.putIfAbsent(channel, FALLBACK);
        }
        periods = Map.copyOf(all);
        reward = reward == null ? new Reward(new BigDecimal("0.15"), new BigDecimal("3000"), new BigDecimal("300000"),
                "《安全生产领域举报奖励办法》（安监总财〔2018〕19号）", false) : reward;
    }

    public Period period(ComplaintChannel channel) {
        return periods.get(channel);
    }
}
