package cn.zhifa.casework;

/** The legal reviewer's conclusion (法制审核意见). */
public enum ReviewOpinion {
    AGREE("同意"),
    MODIFY("修改"),
    RETURN("退回");

    private final String label;

    ReviewOpinion(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
