package cn.zhifa.monitoring.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Local practice, not law (zhifa.monitoring in application.yml): the alarm level from which an alarm becomes an online
 * inspection task, and how many key firms each unit's daily online patrol list holds (seed 002: 50).
 */
@Component
public class MonitoringSettings {

    private final int taskLevel;
    private final int dailyFirms;

    MonitoringSettings(@Value("${zhifa.monitoring.alarm.task-level:2}") int taskLevel,
                       @Value("${zhifa.monitoring.patrol.daily-firms:50}") int dailyFirms) {
        if (taskLevel < 1 || taskLevel > 2 || dailyFirms < 1) {
            throw new IllegalStateException("zhifa.monitoring: task-level must be 1 or 2 and daily-firms at least 1");
        }
        this.taskLevel = taskLevel;
        this.dailyFirms = dailyFirms;
    }

    /** 1 = 一级报警 and above, 2 = 二级报警 only. */
    public int taskLevel() {
        return taskLevel;
    }

    public int dailyFirms() {
        return dailyFirms;
    }

    public static String levelLabel(Integer level) {
        return level == null ? "" : level == 2 ? "二级报警" : "一级报警";
    }
}
