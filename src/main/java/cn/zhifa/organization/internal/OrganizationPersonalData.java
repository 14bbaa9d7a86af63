package cn.zhifa.organization.internal;

import cn.zhifa.shared.crypto.PersonalDataColumns;
import java.util.List;
import org.springframework.stereotype.Component;

/** Personal data this module keeps sealed at rest (issue 14): users' phones (found by keyed hash) and TOTP secrets. */
@Component
class OrganizationPersonalData implements PersonalDataColumns {

    @Override
    public List<Column> sealedColumns() {
        return List.of(Column.of("app_user", "phone").searchableBy("phone_hash", "phone"),
                Column.of("second_factor", "secret").keyedBy("app_user"));
    }
}
