package cn.zhifa.township;

import cn.zhifa.audit.Audit;
import cn.zhifa.organization.DataScope;
import cn.zhifa.organization.OrganizationKind;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.OrganizationView;
import cn.zhifa.publicity.PowerCatalog;
import cn.zhifa.reporting.PeriodReport;
import cn.zhifa.reporting.ReportingManagement;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Actors;
import cn.zhifa.shared.web.Page;
import cn.zhifa.township.internal.TownshipPowers;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The powers of the 权责清单 each 街道（乡镇） holds by 赋权 or 委托: a LEADER of a unit above the township records them
 * (never the township itself), with the legal instrument and the period; removing one corrects an entry made in error.
 * Every change is audited. {@link #statistics(int)} gives each township's enforcement figures of a year.
 */
@Service
public class TownshipManagement {

    private final TownshipPowers powers;
    private final PowerCatalog catalog;
    private final OrganizationManagement organizations;
    private final DataScope scope;
    private final ObjectProvider<ReportingManagement> reporting;
    private final Clock clock;

    TownshipManagement(TownshipPowers powers, PowerCatalog catalog, OrganizationManagement organizations, DataScope scope,
                       ObjectProvider<ReportingManagement> reporting, Clock clock) {
        this.powers = powers;
        this.catalog = catalog;
        this.organizations = organizations;
        this.scope = scope;
        this.reporting = reporting;
        this.clock = clock;
    }

    /** The townships in the caller's scope, in tree order. */
    @Transactional(readOnly = true)
    public List<OrganizationView> townships() {
        return organizations.visibleTree().stream().filter(o -> o.kind() == OrganizationKind.TOWNSHIP).toList();
    }

    /** The 权责清单 items a power may be chosen from (the list in force this year). */
    public List<PowerCatalog.ListedPower> catalog() {
        return catalog.items(LocalDate.now(clock).getYear());
    }

    /** The powers of the townships in scope (or of one), newest period first; optional mode and search. */
    @Transactional(readOnly = true)
    public Page<TownshipPowerView> page(Long organizationId, PowerMode mode, String q, int page, int size) {
        Map<Long, String> names = new LinkedHashMap<>();
        for (OrganizationView t : townships()) {
            if (organizationId == null || organizationId == t.id()) {
                names.put(t.id(), t.name());
            }
        }
        return new Page<>(powers.page(names.keySet(), names, mode, q, page, size), page, size,
                powers.count(names.keySet(), mode, q));
    }

    @Transactional(readOnly = true)
    public List<TownshipPowerView> powersOf(long organizationId) {
        OrganizationView township = township(organizationId);
        return powers.of(township.id(), township.name());
    }

    /** Records a power a township holds; refused with the reason (nothing written) when the entry is not sound. */
    @Transactional
    public long grant(GrantPower command) {
        return grant(command, Actors.require(), false);
    }

    @Transactional
    public long grant(GrantPower command, Actor actor, boolean demo) {
        OrganizationView township = township(command.organizationId());
        if (!demo && actor.organizationId() == township.id()) {
            throw new RuleViolation("街道（乡镇）不能为本单位设置赋权或委托事项，应由区应急管理局负责人设置。");
        }
        PowerCatalog.ListedPower power = catalog.find(command.powerId())
                .orElseThrow(() -> new RuleViolation("所选事项不在权责清单中，请从权责清单中选择。"));
        String shortName = command.ownShortName() == null ? "" : command.ownShortName().strip();
        if (command.mode() == PowerMode.GRANTED && shortName.isEmpty()) {
            throw new RuleViolation("赋权事项以街道（乡镇）自己的名义办理，请填写其文书代字（如“金钟”）。");
        }
        if (command.validTo() != null && command.validTo().isBefore(command.validFrom())) {
            throw new RuleViolation("截止日期不能早于起始日期。");
        }
        if (powers.sameActive(township.id(), power.id(), command.validFrom(), command.validTo())) {
            throw new RuleViolation(township.name() + "在该期间已有“" + power.name() + "”的赋权（委托）记录，不能重复设置。");
        }
        long id = powers.insert(new TownshipPowers.NewPower(township.id(), power.id(), power.kind(), power.name(),
                command.mode(), command.mode() == PowerMode.GRANTED ? shortName : null, command.instrumentTitle().strip(),
                command.instrumentNumber().strip(), command.validFrom(), command.validTo(), demo, clock.instant(),
                actor.username()));
        Audit.target("乡镇赋权委托事项", id);
        Audit.detail(township.name() + " " + command.mode().label() + " " + power.name());
        return id;
    }

    /** Removes an entry made in error. */
    @Transactional
    public void remove(long id) {
        long organizationId = powers.organizationOf(id).orElseThrow(() -> RuleViolation.notFound("该事项不存在。"));
        OrganizationView township = township(organizationId);
        if (Actors.require().organizationId() == township.id()) {
            throw new RuleViolation("街道（乡镇）不能删除本单位的赋权或委托事项。");
        }
        powers.delete(id);
        Audit.target("乡镇赋权委托事项", id);
    }

    /** A township's enforcement figures of a year, for supervision's 红黑榜 and the township page. */
    public record TownshipFigures(long organizationId, String township, long powers, long inspectionVisits,
                                  long hazardsFound, long casesFiled, BigDecimal finesYuan) {
    }

    /** The figures of every township in the caller's scope for the year (own records of each township). */
    @Transactional(readOnly = true)
    public List<TownshipFigures> statistics(int year) {
        PeriodReport.Period period = new PeriodReport.Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31),
                year + "年", String.valueOf(year));
        List<TownshipFigures> rows = new ArrayList<>();
        for (OrganizationView t : townships()) {
            PeriodReport.Row r = reporting.getObject().periodReport(period, t.id()).total();
            long held = powers.heldInYear(year, List.of(t.id())).values().stream().mapToLong(Long::longValue).sum();
            rows.add(new TownshipFigures(t.id(), t.name(), held, r.visits(), r.hazardsFound(),
                    r.filedEnforcement() + r.filedAccident(), r.finesEnforcementYuan().add(r.finesAccidentYuan())));
        }
        return rows;
    }

    private OrganizationView township(Long organizationId) {
        if (organizationId == null) {
            throw new RuleViolation("请选择街道（乡镇）。");
        }
        OrganizationView unit = organizations.find(organizationId)
                .orElseThrow(() -> RuleViolation.notFound("单位不存在。"));
        scope.require(unit.id());
        if (unit.kind() != OrganizationKind.TOWNSHIP) {
            throw new RuleViolation("“" + unit.name() + "”不是街道（乡镇），只能为街道（乡镇）设置赋权或委托事项。");
        }
        return unit;
    }
}
