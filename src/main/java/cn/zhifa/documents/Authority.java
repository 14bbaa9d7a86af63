package cn.zhifa.documents;

import java.util.Map;

/**
 * The issuing authority as it appears on its documents: full name for the seal area, 机关简称 for the number,
 * the bodies named in the remedy notice, the payment office, and its own wording and 代字 overrides.
 *
 * @param organizationId   the organisation (data scope) the authority is
 * @param name             full name, e.g. 天津市东丽区应急管理局
 * @param shortName        机关简称 used in numbers, e.g. 津东丽
 * @param government       本级人民政府 for 行政复议, e.g. 天津市东丽区人民政府
 * @param reviewBody       alternative review body, may be blank (2023 复议法 usually leaves it out)
 * @param court            court for 行政诉讼 and enforcement, e.g. 天津市东丽区人民法院
 * @param address          address for notices
 * @param postcode         邮政编码
 * @param contact          联系人
 * @param phone            联系电话
 * @param paymentOffice    bank / collection office for fines
 * @param paymentAccount   its account
 * @param prefixOverrides  template kind → 代字 (without 应急) replacing the template default
 * @param wordingOverrides "kind.paragraphId" or "fragment.id" → wording replacing the template default
 */
public record Authority(long organizationId, String name, String shortName, String government, String reviewBody,
                        String court, String address, String postcode, String contact, String phone,
                        String paymentOffice, String paymentAccount, Map<String, String> prefixOverrides,
                        Map<String, String> wordingOverrides) {

    public Authority {
        prefixOverrides = prefixOverrides == null ? Map.of() : Map.copyOf(prefixOverrides);
        wordingOverrides = wordingOverrides == null ? Map.of() : Map.copyOf(wordingOverrides);
    }

    /** The value a {@code {authority.x}} placeholder names. */
    public String attribute(String attribute) {
        return switch (attribute) {
            case "name" -> name;
            case "shortName" -> shortName;
            case "government" -> government;
            case "reviewBody" -> reviewBody;
            case "court" -> court;
            case "address" -> address;
            case "postcode" -> postcode;
            case "contact" -> contact;
            case "phone" -> phone;
            case "paymentOffice" -> paymentOffice;
            case "paymentAccount" -> paymentAccount;
            default -> null;
        };
    }

    public static final java.util.Set<String> ATTRIBUTES = java.util.Set.of("name", "shortName", "government",
            "reviewBody", "court", "address", "postcode", "contact", "phone", "paymentOffice", "paymentAccount");
}
