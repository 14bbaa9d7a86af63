package cn.zhifa.equipment.internal;

import cn.zhifa.evidence.RecorderRegister;
import cn.zhifa.organization.OrganizationManagement;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tells evidence which 执法记录仪 a unit (with the units below it) has in use, for the recorder of a video or audio upload. */
@Component
class EquipmentRecorders implements RecorderRegister {

    private final JdbcClient jdbc;
    private final OrganizationManagement organizations;

    EquipmentRecorders(JdbcClient jdbc, OrganizationManagement organizations) {
        this.jdbc = jdbc;
        this.organizations = organizations;
    }

    @Override
    public List<String> recordersInUse(long organizationId) {
        List<Long> units = organizations.subtreeIds(organizationId);
        if (units.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT number FROM equipment WHERE kind = 'RECORDER' AND status = 'IN_USE' "
                        + "AND organization_id IN (:units) ORDER BY number")
                .param("units", units).query(String.class).list();
    }
}
