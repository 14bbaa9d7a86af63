package cn.zhifa.hazard.internal;

import cn.zhifa.shared.web.PublicPaths;
import java.util.List;
import org.springframework.stereotype.Component;

/** The enterprise's self-report form is reached by its link, without login. */
@Component
class SelfReportPaths implements PublicPaths {

    @Override
    public List<String> patterns() {
        return List.of("/hazard-report/**");
    }
}
