package cn.zhifa.training.web;

import cn.zhifa.shared.web.Spreadsheets;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriUtils;

/** The module's Excel exports (one sheet, a title row) and the query string the pager keeps. */
final class Xlsx {


    private Xlsx() {
    }

    static ResponseEntity<byte[]> of(String name, List<String> titles, List<List<Object>> rows) {
        return Spreadsheets.download(name, name + ".xlsx", titles, rows);
    }

    static String query(Object... pairs) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            values.put((String) pairs[i], pairs[i + 1]);
        }
        StringBuilder out = new StringBuilder();
        values.forEach((k, v) -> {
            if (v != null && !v.toString().isBlank()) {
                out.append(k).append('=').append(UriUtils.encodeQueryParam(v.toString(), StandardCharsets.UTF_8)).append('&');
            }
        });
        return out.toString();
    }
}
