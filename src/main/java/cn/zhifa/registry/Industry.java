package cn.zhifa.registry;

/** An industry of GB/T 4754-2017: its 门类 (section, one letter) and 大类 (division, two digits). */
public record Industry(String sectionCode, String sectionName, String divisionCode, String divisionName) {

    /** e.g. "C26 化学原料和化学制品制造业" */
    public String label() {
        return sectionCode + divisionCode + " " + divisionName;
    }

    /** 工贸 (industry and trade): 制造业, 采矿业 other than coal, utilities and wholesale/retail, as enforcement uses the word. */
    public boolean industryAndTrade() {
        return "C".equals(sectionCode) || "D".equals(sectionCode) || "F".equals(sectionCode)
                || ("B".equals(sectionCode) && !"06".equals(divisionCode));
    }
}
