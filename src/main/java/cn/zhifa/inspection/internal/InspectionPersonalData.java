package cn.zhifa.inspection.internal;

import cn.zhifa.shared.crypto.PersonalDataColumns;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Personal data this module keeps sealed at rest (issue 14): the phone of the firm's representative on a record
 * ({@code @Encrypted} on the aggregate; V5_60 lets the start-up step seal it on a submitted record).
 */
@Component
class InspectionPersonalData implements PersonalDataColumns {

    @Override
    public List<Column> sealedColumns() {
        return List.of(Column.of("inspection_record", "representative_phone"));
    }
}
