package cn.zhifa.supervision.fault;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * 执法过错 settings ({@code zhifa.supervision.faults}): the fault kinds and the forms of responsibility, in the local
 * 《行政执法过错责任追究办法》's wording. Local rules, not national law; {@code confirmed} stays false until a bureau has
 * set them to its own text.
 */
@ConfigurationProperties("zhifa.supervision.faults")
public record FaultRules(List<String> kinds, List<String> responsibilities, String source, boolean confirmed) {

    public FaultRules {
        kinds = kinds == null || kinds.isEmpty()
                ? List.of("事实认定错误", "适用法律错误", "违反法定程序", "超越职权", "滥用职权", "不履行法定职责") : List.copyOf(kinds);
        responsibilities = responsibilities == null || responsibilities.isEmpty()
                ? List.of("批评教育", "责令书面检查", "通报批评", "暂扣行政执法证件", "调离执法岗位", "取消行政执法资格", "依纪依法给予处分")
                : List.copyOf(responsibilities);
        source = source == null ? "本地《行政执法过错责任追究办法》（地方规定，待确认）" : source;
    }
}
