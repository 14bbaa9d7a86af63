package cn.zhifa.planning;

/** Own agency; 交叉执法 (officers drawn from another agency's pool); 部门联合 (other departments' inspectors added). */
public enum DrawMode {
    OWN("本机关抽查"), CROSS("交叉执法"), JOINT("部门联合抽查");

    private final String label;

    DrawMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
