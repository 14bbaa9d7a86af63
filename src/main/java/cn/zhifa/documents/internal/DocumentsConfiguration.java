package cn.zhifa.documents.internal;

import cn.zhifa.documents.DocumentTemplates;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The standard templates, loaded and validated once at start-up (an invalid descriptor stops the start). */
@Configuration(proxyBeanMethods = false)
class DocumentsConfiguration {

    @Bean
    DocumentTemplates documentTemplates() {
        return DocumentTemplates.standard();
    }
}
