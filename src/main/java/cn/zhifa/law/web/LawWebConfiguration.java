package cn.zhifa.law.web;

import cn.zhifa.shared.security.Role;
import cn.zhifa.shared.web.MenuContribution;
import cn.zhifa.shared.web.MenuItem;
import cn.zhifa.shared.web.PublicPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Set;

/** The toolbox is public (page and API); officers find it in the menu, administrators the holiday notices. */
@Configuration(proxyBeanMethods = false)
class LawWebConfiguration {

    @Bean
    PublicPaths toolboxIsPublic() {
        return () -> List.of("/toolbox", "/toolbox/**", "/api/v1/toolbox/**");
    }

    @Bean
    MenuContribution lawMenu() {
        return () -> List.of(
                new MenuItem("法律工具", "法律工具箱", "/toolbox", Set.of(), 800),
                new MenuItem("系统管理", "节假日安排", HolidayAdminController.PATH, Set.of(Role.ADMIN), 930));
    }
}
