package cn.zhifa.casework.internal.records;

import cn.zhifa.shared.crypto.PersonalDataColumns;
import java.util.List;
import org.springframework.stereotype.Component;

/** Personal data this module keeps sealed at rest (issue 14): the ID number and phone of a record's person. */
@Component
class CaseworkPersonalData implements PersonalDataColumns {

    @Override
    public List<Column> sealedColumns() {
        return List.of(Column.of("case_record", "person_id_number"), Column.of("case_record", "person_phone"));
    }
}
