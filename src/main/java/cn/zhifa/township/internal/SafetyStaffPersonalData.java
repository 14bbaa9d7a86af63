package cn.zhifa.township.internal;

import cn.zhifa.shared.crypto.PersonalDataColumns;
import java.util.List;
import org.springframework.stereotype.Component;

/** The 专职安全员's phone, sealed at rest. */
@Component
class SafetyStaffPersonalData implements PersonalDataColumns {

    @Override
    public List<Column> sealedColumns() {
        return List.of(Column.of("township_safety_staff", "phone"));
    }
}
