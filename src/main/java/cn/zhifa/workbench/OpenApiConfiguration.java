package cn.zhifa.workbench;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI zhifaOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Zhifa 安全生产执法平台 API").version("v1")
                        .description("执法终端与外部系统接口。先以 POST /api/v1/auth/token 获取令牌，"
                                + "再以 Authorization: Bearer <token> 调用。错误按 RFC 9457 返回，detail 为中文说明。"))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
