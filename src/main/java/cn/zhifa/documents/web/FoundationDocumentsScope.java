package cn.zhifa.documents.web;

import cn.zhifa.audit.Audit;
import cn.zhifa.organization.DataScope;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.OrganizationView;
import cn.zhifa.shared.security.Actors;
import cn.zhifa.shared.security.Role;
import java.util.Collection;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** {@link DocumentsScope} on the foundation's data scope, organisation tree, actor and audit. */
@Component
class FoundationDocumentsScope implements DocumentsScope {

    private final DataScope dataScope;
    private final OrganizationManagement organizations;

    FoundationDocumentsScope(DataScope dataScope, OrganizationManagement organizations) {
        this.dataScope = dataScope;
        this.organizations = organizations;
    }

    @Override
    public Collection<Long> visibleOrganizationIds() {
        return dataScope.visibleOrganizationIds();
    }

    @Override
    public void require(long organizationId) {
        dataScope.require(organizationId);
    }

    @Override
    public String organizationName(long organizationId) {
        return organizations.find(organizationId).map(OrganizationView::name).orElse("单位" + organizationId);
    }

    @Override
    public void requireAdmin() {
        if (!Actors.require().has(Role.ADMIN)) throw new AccessDeniedException("只有系统管理员可以修改文书设置");
    }

    @Override
    public void auditTarget(String type, Object id) {
        Audit.target(type, id);
    }

    @Override
    public String currentUser() {
        return Actors.current().map(a -> a.username()).orElse("anonymous");
    }

    @Override
    public java.util.List<UnitOption> unitOptions() {
        java.util.List<OrganizationView> tree = organizations.visibleTree();
        int top = tree.isEmpty() ? 0 : tree.get(0).depth();
        return tree.stream().map(u -> new UnitOption(u.id(), "\u3000".repeat(Math.max(0, u.depth() - top)) + u.name())).toList();
    }

    @Override
    public Collection<Long> visibleSubtree(long organizationId) {
        Collection<Long> visible = dataScope.visibleOrganizationIds();
        return dataScope.subtreeIds(organizationId).stream().filter(visible::contains).toList();
    }

    @Override
    public java.util.List<Unit> statisticsUnits() {
        long own = Actors.require().organizationId();
        java.util.List<Unit> units = new java.util.ArrayList<>();
        units.add(new Unit(organizationName(own), java.util.List.of(own)));
        organizations.visibleTree().stream().filter(u -> Long.valueOf(own).equals(u.parentId()))
                .forEach(u -> units.add(new Unit(u.name(), organizations.subtreeIds(u.id()))));
        return units;
    }
}
