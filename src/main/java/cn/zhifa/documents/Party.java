package cn.zhifa.documents;

/**
 * A person or unit named in a document (当事人, 被检查单位, 被询问人 …). Templates address its attributes as
 * {@code {role.attribute}}, e.g. {@code {party.name}}; attributes left null print as a blank line.
 *
 * @param role               the role the template declares (party, interviewee, receiver …)
 * @param type               unit or natural person
 * @param name               单位名称 or 姓名
 * @param creditCode         统一社会信用代码 (units)
 * @param legalRepresentative 法定代表人（负责人） (units)
 * @param position           职务 of the representative or the person
 * @param idNumber           身份证号 (persons; never shown on public pages)
 * @param gender             性别 (persons)
 * @param age                年龄 (persons)
 * @param workUnit           所在单位 / 工作单位 (persons)
 * @param address            地址 (unit address or home address)
 * @param postcode           邮政编码
 * @param phone              联系电话
 */
public record Party(String role, Type type, String name, String creditCode, String legalRepresentative,
                   String position, String idNumber, String gender, Integer age, String workUnit,
                   String address, String postcode, String phone) {

    public enum Type { UNIT, PERSON }

    public Party {
        if (role == null || role.isBlank()) throw new IllegalArgumentException("role");
        if (type == null) throw new IllegalArgumentException("type");
    }

    public static Party unit(String role, String name, String creditCode, String legalRepresentative,
                             String position, String address, String postcode, String phone) {
        return new Party(role, Type.UNIT, name, creditCode, legalRepresentative, position, null, null, null,
                null, address, postcode, phone);
    }

    public static Party person(String role, String name, String gender, Integer age, String idNumber,
                               String workUnit, String position, String address, String postcode, String phone) {
        return new Party(role, Type.PERSON, name, null, null, position, idNumber, gender, age, workUnit, address,
                postcode, phone);
    }

    /** The attribute a placeholder names, or null when unknown to this record (validation catches those). */
    public Object attribute(String attribute) {
        return switch (attribute) {
            case "name" -> name;
            case "creditCode" -> creditCode;
            case "legalRepresentative" -> legalRepresentative;
            case "position" -> position;
            case "idNumber" -> idNumber;
            case "gender" -> gender;
            case "age" -> age;
            case "workUnit" -> workUnit;
            case "address" -> address;
            case "postcode" -> postcode;
            case "phone" -> phone;
            default -> null;
        };
    }

    /** The attributes a template may name after the role. */
    public static final java.util.Set<String> ATTRIBUTES = java.util.Set.of("name", "creditCode",
            "legalRepresentative", "position", "idNumber", "gender", "age", "workUnit", "address", "postcode",
            "phone");
}
