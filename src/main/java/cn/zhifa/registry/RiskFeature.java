package cn.zhifa.registry;

/** Risk features of an enterprise, used by 分类分级 and draws. Stored by name. */
public enum RiskFeature {
    HAZCHEM_PRODUCTION("危化品生产"),
    HAZCHEM_TRADING("危化品经营"),
    HAZCHEM_USE("危化品使用"),
    HAZCHEM_STORAGE("危化品储存"),
    MAJOR_HAZARD("重大危险源"),
    COMBUSTIBLE_DUST("粉尘涉爆"),
    AMMONIA_REFRIGERATION("涉氨制冷"),
    CONFINED_SPACE("有限空间"),
    METALLURGY("金属冶炼"),
    MOLTEN_METAL("高温熔融"),
    LABOUR_INTENSIVE("劳动密集型"),
    SPRAY_COATING("喷涂/RTO设施"),
    FIREWORKS("烟花爆竹");

    private final String label;

    RiskFeature(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Any of the four 危险化学品 features. */
    public boolean hazardousChemicals() {
        return name().startsWith("HAZCHEM_");
    }

    public static java.util.Optional<RiskFeature> ofLabel(String label) {
        for (RiskFeature feature : values()) {
            if (feature.label.equals(label) || feature.name().equalsIgnoreCase(label)) {
                return java.util.Optional.of(feature);
            }
        }
        return java.util.Optional.empty();
    }
}
