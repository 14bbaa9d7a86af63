package cn.zhifa.inspection.internal;

import cn.zhifa.shared.web.PublicPaths;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The offline app's shell (static files without any personal data) and its service worker load without a session, so
 * the phone can open them with no signal and the worker can update after a logout; the data comes from the API.
 */
@Component
class OfflinePaths implements PublicPaths {

    @Override
    public List<String> patterns() {
        return List.of("/sw.js", "/offline/**");
    }
}
