package cn.zhifa.documents.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

@ResponseStatus(HttpStatus.NOT_FOUND)
class DocumentNotFound extends RuntimeException {
    DocumentNotFound(long id) {
        super("文书不存在：" + id);
    }
}
