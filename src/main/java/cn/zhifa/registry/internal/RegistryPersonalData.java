package cn.zhifa.registry.internal;

import cn.zhifa.shared.crypto.PersonalDataColumns;
import java.util.List;
import org.springframework.stereotype.Component;

/** Personal data this module keeps sealed at rest (issue 14): representatives' ID numbers and phones, supervisors'. */
@Component
class RegistryPersonalData implements PersonalDataColumns {

    @Override
    public List<Column> sealedColumns() {
        return List.of(Column.of("enterprise", Enterprises.LEGAL_REPRESENTATIVE_ID),
                Column.of("enterprise", Enterprises.PRINCIPAL_PHONE),
                Column.of("enterprise", Enterprises.SAFETY_PHONE),
                Column.of("enterprise", Enterprises.LEGAL_REPRESENTATIVE_PHONE),
                Column.of("supervisor", "id_number"),
                Column.of("supervisor", "phone"));
    }
}
