package cn.zhifa.organization;

import cn.zhifa.audit.Audit;
import cn.zhifa.organization.internal.Organizations;
import cn.zhifa.organization.internal.RequestOrganizations;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.Verdict;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation tree: create, describe and move units within the administrator's subtree.
 * Other modules read units through {@link #find(long)}, {@link #visibleTree()} and {@link #subtreeIds(long)}.
 */
@Service
public class OrganizationManagement {

    private final Organizations organizations;
    private final RequestOrganizations read;
    private final DataScope scope;
    private final Clock clock;

    OrganizationManagement(Organizations organizations, RequestOrganizations read, DataScope scope, Clock clock) {
        this.organizations = organizations;
        this.read = read;
        this.scope = scope;
        this.clock = clock;
    }

    /** The unit with this id (read once per request: the page shell, the data scope and the modules ask for the same units). */
    public Optional<OrganizationView> find(long id) {
        return read.find(id).map(Organization::view);
    }

    /**
     * The unit with the ids of the units above it, nearest first up to the root, read from its path in the same read as
     * {@link #find} (once per request): a caller walking up the tree reads what it needs of all of them at once.
     */
    public Optional<Lineage> lineage(long id) {
        return read.find(id).map(unit -> {
            String[] ids = unit.getPath().split("/");
            List<Long> above = new java.util.ArrayList<>(ids.length);
            for (int i = ids.length - 1; i >= 0; i--) {
                if (!ids[i].isEmpty() && Long.parseLong(ids[i]) != id) {
                    above.add(Long.valueOf(ids[i]));
                }
            }
            return new Lineage(unit.view(), List.copyOf(above));
        });
    }

    /** A unit and the ids of the units above it, its parent first. */
    public record Lineage(OrganizationView unit, List<Long> above) {
    }

    public List<Long> subtreeIds(long id) {
        return scope.subtreeIds(id);
    }

    /** The current user's subtree in depth-first order, siblings by sort order then name. */
    @Transactional(readOnly = true)
    public List<OrganizationView> visibleTree() {
        long own = cn.zhifa.shared.security.Actors.require().organizationId();
        return read.find(own).map(this::subtreeOf).orElse(List.of());
    }

    private List<OrganizationView> subtreeOf(Organization root) {
        List<Organization> all = organizations.findSubtree(root.getPath());
        return depthFirst(root, all).stream().map(Organization::view).toList();
    }

    private static List<Organization> depthFirst(Organization root, List<Organization> all) {
        List<Organization> ordered = new java.util.ArrayList<>();
        java.util.ArrayDeque<Organization> stack = new java.util.ArrayDeque<>();
        stack.push(root);
        Comparator<Organization> siblings = Comparator.comparingInt(Organization::getSortOrder)
                .thenComparing(Organization::getName);
        while (!stack.isEmpty()) {
            Organization next = stack.pop();
            ordered.add(next);
            all.stream().filter(o -> next.getId().equals(o.getParentId()))
                    .sorted(siblings.reversed())
                    .forEach(stack::push);
        }
        return ordered;
    }

    @Transactional
    public OrganizationView create(OrganizationForm form) {
        return create(form, false);
    }

    @Transactional
    OrganizationView create(OrganizationForm form, boolean demo) {
        Organization parent = form.parentId() == null ? null : organizations.findById(form.parentId())
                .orElseThrow(() -> RuleViolation.notFound("上级单位不存在。"));
        if (parent == null) {
            if (!demo) {
                throw new RuleViolation("请选择上级单位。");
            }
        } else if (!demo) {
            scope.require(parent.getId());
        }
        Verdict.all(placement(form.kind(), parent), divisionCode(form, parent), uniqueName(form.name(), parent, null)).orThrow();
        Organization created = Organization.create(organizations.nextId(), parent, form.name().strip(),
                blankToNull(form.shortName()), form.kind(), blankToNull(form.divisionCode()),
                Objects.requireNonNullElse(form.sortOrder(), 0), demo, clock.instant());
        Organization saved = organizations.save(created);
        read.forget();
        Audit.target("组织机构", saved.getId());
        return saved.view();
    }

    @Transactional
    public OrganizationView describe(long id, OrganizationForm form) {
        Organization organization = load(id);
        Organization parent = organization.getParentId() == null ? null : load(organization.getParentId());
        Verdict.all(divisionCode(new OrganizationForm(null, form.name(), form.shortName(), organization.getKind(),
                form.divisionCode(), form.sortOrder()), parent), uniqueName(form.name(), parent, id)).orThrow();
        organization.describe(form.name().strip(), blankToNull(form.shortName()), blankToNull(form.divisionCode()),
                Objects.requireNonNullElse(form.sortOrder(), 0));
        organizations.save(organization);
        read.forget();
        Audit.target("组织机构", id);
        return organization.view();
    }

    /** Moves a unit and its subtree under another parent in the administrator's scope. */
    @Transactional
    public OrganizationView move(long id, long newParentId) {
        Organization organization = load(id);
        Organization newParent = load(newParentId);
        Audit.target("组织机构", id);
        if (organization.getId().equals(newParent.getId()) || organization.isAncestorOf(newParent)) {
            throw new RuleViolation("不能把单位移动到它自己或它的下级单位之下。");
        }
        if (organization.getParentId() == null) {
            throw new RuleViolation("根单位不能移动。");
        }
        Verdict.all(placement(organization.getKind(), newParent),
                uniqueName(organization.getName(), newParent, id)).orThrow();
        String oldPath = organization.getPath();
        organization.moveUnder(newParent);
        organizations.save(organization);
        organizations.rewriteDescendantPaths(oldPath, organization.getPath());
        read.forget();
        return organization.view();
    }

    private Organization load(long id) {
        Organization organization = organizations.findById(id)
                .orElseThrow(() -> RuleViolation.notFound("单位不存在。"));
        scope.require(id);
        return organization;
    }

    private static Verdict placement(OrganizationKind kind, Organization parent) {
        if (parent == null) {
            return kind.mayBeRoot() ? Verdict.allow() : Verdict.refuse(kind.label() + "单位必须有上级单位。");
        }
        return kind.mayHaveParent(parent.getKind()) ? Verdict.allow()
                : Verdict.refuse(kind.label() + "单位不能设在" + parent.getKind().label() + "单位“" + parent.getName() + "”之下。");
    }

    private static Verdict divisionCode(OrganizationForm form, Organization parent) {
        return DivisionCode.check(blankToNull(form.divisionCode()), form.kind(),
                parent == null ? null : parent.getDivisionCode(), parent == null ? null : parent.getKind());
    }

    private Verdict uniqueName(String name, Organization parent, Long self) {
        String stripped = name == null ? "" : name.strip();
        Optional<Organization> same = parent == null ? organizations.findRootByName(stripped)
                : organizations.findByParentIdAndName(parent.getId(), stripped);
        return same.filter(o -> !o.getId().equals(self)).isPresent()
                ? Verdict.refuse("同一上级单位下已有名为“" + stripped + "”的单位。")
                : Verdict.allow();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
