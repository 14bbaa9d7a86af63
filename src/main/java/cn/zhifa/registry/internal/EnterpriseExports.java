package cn.zhifa.registry.internal;

import cn.zhifa.organization.DataScope;
import cn.zhifa.registry.EnterpriseQuery;
import cn.zhifa.registry.EnterpriseSummary;
import cn.zhifa.registry.IndustryCatalog;
import cn.zhifa.shared.RuleViolation;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Export of any filtered list in the import template's columns (so an export can be corrected and re-imported;
 * ID numbers and phones are masked and kept on re-import), and the import template itself.
 */
@Component
public class EnterpriseExports {

    private final EnterpriseSearch search;
    private final Enterprises enterprises;
    private final DataScope scope;
    private final int maxRows;

    EnterpriseExports(EnterpriseSearch search, Enterprises enterprises, DataScope scope,
                      @Value("${zhifa.registry.export.max-rows:200000}") int maxRows) {
        this.search = search;
        this.enterprises = enterprises;
        this.scope = scope;
        this.maxRows = maxRows;
    }

    @Transactional(readOnly = true)
    public void export(EnterpriseQuery query, OutputStream out) {
        List<Long> ids = new ArrayList<>();
        search.each(query, scope.visibleOrganizationIds(), (EnterpriseSummary e) -> {
            if (ids.size() > maxRows) {
                throw new RuleViolation("符合条件的企业超过 " + maxRows + " 家，请增加筛选条件后分批导出。");
            }
            ids.add(e.id());
        });
        Iterable<List<String>> rows = () -> new java.util.Iterator<>() {
            private int next;
            private List<List<String>> buffer = List.of();
            private int index;

            @Override
            public boolean hasNext() {
                if (index < buffer.size()) {
                    return true;
                }
                if (next >= ids.size()) {
                    return false;
                }
                List<Long> chunk = ids.subList(next, Math.min(ids.size(), next + 1000));
                next += chunk.size();
                Map<Long, Enterprise> byId = new LinkedHashMap<>();
                enterprises.findAllById(chunk).forEach(e -> byId.put(e.getId(), e));
                buffer = chunk.stream().map(byId::get).filter(java.util.Objects::nonNull).map(EnterpriseSheet::row).toList();
                index = 0;
                return index < buffer.size();
            }

            @Override
            public List<String> next() {
                return buffer.get(index++);
            }
        };
        Workbooks.write(EnterpriseSheet.HEADERS, rows, false, out);
    }

    public byte[] template() {
        List<String> example = List.of("示例华兴化工有限公司", "91350100M000100Y43", "张三", "", "李四", "13800000000", "王五",
                "13900000000", "示例市建设路1号", "示例市工业大道8号", "139902001", "C26", "120", "3500.5", "在业",
                "危化品使用、重大危险源", "三级", "否", "区级", "总经理", "13700000000");
        Map<String, String> notes = new LinkedHashMap<>();
        notes.put("说明", "第 1 行为表头，不要修改；从第 2 行起每行一家企业（第 2 行为示例，导入前请删除或改写）。");
        notes.put("统一社会信用代码", "18 位，按 GB 32100-2015 校验；已在企业库中的代码将更新原记录，不会重复新增。");
        notes.put("乡镇（街道）区划代码", "9 位或 12 位统计用区划代码，须为本辖区已设立的乡镇（街道）。");
        notes.put("行业代码（GB/T 4754 大类）", "如 C26（化学原料和化学制品制造业）或 26。");
        notes.put("经营状态", "在业 / 停业 / 注销（已注销的企业不能恢复）。");
        notes.put("风险特征", "可填多项，用“、”分隔：" + EnterpriseSheet.allRiskLabels());
        notes.put("重大危险源等级", "勾选“重大危险源”时必填：一级 / 二级 / 三级 / 四级。");
        notes.put("白名单", "是 / 否。");
        notes.put("监管层级", "市级 / 区级 / 乡镇级：决定监管单位（市、区执法队伍或乡镇）。");
        notes.put("年产值（万元）", "数字，单位万元，可留空。");
        notes.put("法定代表人职务", "如 总经理、董事长、厂长，可留空；案件文书中当事人的“职务”取此值。");
        notes.put("法定代表人电话", "手机 11 位或带区号的固定电话，可留空。没有这两列的旧文件仍可导入。");
        notes.put("导出文件", "从企业列表导出的文件可修改后直接重新导入；脱敏显示的身份证号和电话保持原值。");
        notes.put("行业大类一览", IndustryCatalog.divisions().stream().map(i -> i.sectionCode() + i.divisionCode() + " " + i.divisionName())
                .reduce((a, b) -> a + "；" + b).orElse(""));
        return Workbooks.template(example, notes);
    }
}
