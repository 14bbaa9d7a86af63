package cn.zhifa.township.internal;

import cn.zhifa.organization.DelegatedPowers.Matter;
import cn.zhifa.shared.Verdict;
import cn.zhifa.township.PowerMode;
import cn.zhifa.township.TownshipPowerView;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * 乡镇（街道）只能在赋权、委托的事项和期限内执法: a township with powers recorded may open an inspection (行政检查) or a case
 * (行政处罚) only while it holds a power of that kind. A unit that is no township, or a township with no powers recorded
 * at all, works as before (the district bureau directs its work).
 */
public final class PowerRule {

    private PowerRule() {
    }

    public static Verdict check(boolean township, String townshipName, List<TownshipPowerView> powers, Matter matter,
                                LocalDate on) {
        if (!township || powers.isEmpty()) {
            return Verdict.allow();
        }
        List<TownshipPowerView> ofMatter = powers.stream().filter(p -> p.powerKind().equals(matter.name())).toList();
        if (ofMatter.isEmpty()) {
            return Verdict.refuse(townshipName + "未经赋权或委托行使" + matter.label() + "职权（权责清单中没有此类事项），"
                    + "不能办理，请由区应急管理局办理。");
        }
        if (ofMatter.stream().anyMatch(p -> p.activeOn(on))) {
            return Verdict.allow();
        }
        TownshipPowerView nearest = ofMatter.stream().max(Comparator.comparing(TownshipPowerView::validFrom)).orElseThrow();
        return Verdict.refuse(townshipName + matter.label() + "职权的" + nearest.modeLabel() + "期限为" + nearest.period()
                + "（" + nearest.instrumentNumber() + "），" + on.getYear() + "年" + on.getMonthValue() + "月"
                + on.getDayOfMonth() + "日不在期限内，不能办理。");
    }

    /** The 代字 the township numbers its own documents with, when it holds any power by 赋权 on the day. */
    public static Optional<String> ownShortName(List<TownshipPowerView> powers, LocalDate on) {
        return powers.stream().filter(p -> p.mode() == PowerMode.GRANTED && p.activeOn(on))
                .map(TownshipPowerView::ownShortName).findFirst();
    }

    /** Whether the township acts by 委托 on the day (and holds nothing by 赋权). */
    public static boolean entrusted(List<TownshipPowerView> powers, LocalDate on) {
        return ownShortName(powers, on).isEmpty()
                && powers.stream().anyMatch(p -> p.mode() == PowerMode.ENTRUSTED && p.activeOn(on));
    }
}
