package cn.zhifa.documents;

/** An enforcement officer named in a document (执法人员 with 执法证号); templates use {officer1.name}, {officer1.certificateNo}. */
public record Officer(String name, String certificateNo) {
    public Officer {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("name");
    }
}
