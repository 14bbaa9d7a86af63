package cn.zhifa.registry;

/**
 * The level that supervises an enterprise (属地监管层级). The owning organisation follows from the level and
 * the town: 市级 → the city's enforcement detachment, 区级 → the district's detachment, 乡镇级 → the township.
 */
public enum SupervisionLevel {
    CITY("市级"),
    DISTRICT("区级"),
    TOWNSHIP("乡镇级");

    private final String label;

    SupervisionLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static java.util.Optional<SupervisionLevel> ofLabel(String label) {
        for (SupervisionLevel level : values()) {
            if (level.label.equals(label) || level.name().equalsIgnoreCase(label)
                    || level.label.replace("级", "").equals(label)) {
                return java.util.Optional.of(level);
            }
        }
        return java.util.Optional.empty();
    }
}
