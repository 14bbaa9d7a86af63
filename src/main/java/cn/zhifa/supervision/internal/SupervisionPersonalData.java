package cn.zhifa.supervision.internal;

import cn.zhifa.shared.crypto.PersonalDataColumns;
import java.util.List;
import org.springframework.stereotype.Component;

/** Personal data this module keeps sealed at rest (issue 14): the reporter's phone of a complaint. */
@Component
class SupervisionPersonalData implements PersonalDataColumns {

    @Override
    public List<Column> sealedColumns() {
        return List.of(Column.of("complaint", "reporter_phone"));
    }
}
