package cn.zhifa.accident;

/** A place in the accident investigation team (事故调查组). */
public enum TeamRole {
    LEADER("组长"), MEMBER("成员"), EXPERT("专家");

    private final String label;

    TeamRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
