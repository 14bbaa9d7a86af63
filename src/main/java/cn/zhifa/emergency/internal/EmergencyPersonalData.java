package cn.zhifa.emergency.internal;

import cn.zhifa.shared.crypto.PersonalDataColumns;
import java.util.List;
import org.springframework.stereotype.Component;

/** Personal data this module keeps sealed at rest: the phones of rescue teams' contacts and of 灾害信息员. */
@Component
class EmergencyPersonalData implements PersonalDataColumns {

    @Override
    public List<Column> sealedColumns() {
        return List.of(Column.of("rescue_team", "contact_phone"), Column.of("disaster_informant", "phone"));
    }
}
