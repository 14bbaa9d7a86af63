package cn.zhifa.publicity.internal;

import cn.zhifa.shared.RuleViolation;

/** What the administrator enters for one power; {@link #checked()} refuses an incomplete entry in Chinese. */
public record PowerForm(Integer year, PowerKind kind, String name, String legalBasis, String body, String level,
                        Integer version) {

    public static final int EARLIEST_YEAR = 2015;

    public PowerForm checked() {
        if (year == null || year < EARLIEST_YEAR || year > 2100) {
            throw new RuleViolation("请填写清单年度（" + EARLIEST_YEAR + "年以后）。");
        }
        if (kind == null) {
            throw new RuleViolation("请选择权力类别。");
        }
        require(name, 200, "权力事项名称");
        require(legalBasis, 2000, "设定依据");
        require(body, 200, "实施主体");
        require(level, 100, "行使层级");
        return new PowerForm(year, kind, name.strip(), legalBasis.strip(), body.strip(), level.strip(), version);
    }

    private static void require(String value, int max, String what) {
        if (value == null || value.isBlank()) {
            throw new RuleViolation("请填写" + what + "。");
        }
        if (value.strip().length() > max) {
            throw new RuleViolation(what + "不能超过 " + max + " 个字。");
        }
    }

    public static PowerForm of(Power p) {
        return new PowerForm(p.year(), p.kind(), p.name(), p.legalBasis(), p.body(), p.level(), p.version());
    }
}
