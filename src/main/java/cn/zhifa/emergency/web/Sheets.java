package cn.zhifa.emergency.web;

import cn.zhifa.shared.web.Spreadsheets;
import java.util.List;
import org.springframework.http.ResponseEntity;

/** The registers' lists as one-sheet workbooks, named after their title. */
final class Sheets {


    private Sheets() {
    }

    static ResponseEntity<byte[]> xlsx(String title, List<String> titles, List<List<String>> rows) {
        return Spreadsheets.download(title, title + ".xlsx", titles, rows);
    }
}
