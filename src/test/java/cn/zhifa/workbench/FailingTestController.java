package cn.zhifa.workbench;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A handler with a bug, present only on the test classpath, to show how failures reach users. */
@RestController
class FailingTestController {

    @GetMapping({"/test-failure", "/api/v1/test-failure"})
    String fail() {
        throw new IllegalStateException("secret internal detail");
    }
}
