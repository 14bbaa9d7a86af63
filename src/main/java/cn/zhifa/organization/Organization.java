package cn.zhifa.organization;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A unit of the enforcement organisation. Its {@code path} ("/1/4/9/") lists the ids from the root
 * down to itself, so a subtree is one prefix; moving a unit rewrites the paths of its subtree.
 */
@Table("organization")
public class Organization {

    @Id
    private final Long id;
    private Long parentId;
    private String name;
    private String shortName;
    private final OrganizationKind kind;
    private String divisionCode;
    private String path;
    private int sortOrder;
    private final boolean demo;
    @Version
    private int version;
    private final Instant createdAt;

    @PersistenceCreator
    Organization(Long id, Long parentId, String name, String shortName, OrganizationKind kind, String divisionCode,
                 String path, int sortOrder, boolean demo, int version, Instant createdAt) {
        this.id = id;
        this.parentId = parentId;
        this.name = name;
        this.shortName = shortName;
        this.kind = kind;
        this.divisionCode = divisionCode;
        this.path = path;
        this.sortOrder = sortOrder;
        this.demo = demo;
        this.version = version;
        this.createdAt = createdAt;
    }

    static Organization create(long id, Organization parent, String name, String shortName, OrganizationKind kind,
                               String divisionCode, int sortOrder, boolean demo, Instant now) {
        String path = (parent == null ? "/" : parent.path) + id + "/";
        return new Organization(id, parent == null ? null : parent.id, name, shortName, kind, divisionCode, path,
                sortOrder, demo, 0, now);
    }

    void describe(String name, String shortName, String divisionCode, int sortOrder) {
        this.name = name;
        this.shortName = shortName;
        this.divisionCode = divisionCode;
        this.sortOrder = sortOrder;
    }

    /** Moves under a new parent; the caller rewrites the descendants' paths from {@code oldPath}. */
    void moveUnder(Organization newParent) {
        this.parentId = newParent.id;
        this.path = newParent.path + id + "/";
    }

    public boolean isAncestorOf(Organization other) {
        return other.path.startsWith(path) && !other.id.equals(id);
    }

    public int depth() {
        return (int) path.chars().filter(c -> c == '/').count() - 1;
    }

    public OrganizationView view() {
        return new OrganizationView(id, parentId, name, shortName, kind, divisionCode, depth(), sortOrder);
    }

    public Long getId() { return id; }
    public Long getParentId() { return parentId; }
    public String getName() { return name; }
    public String getShortName() { return shortName; }
    public OrganizationKind getKind() { return kind; }
    public String getDivisionCode() { return divisionCode; }
    public String getPath() { return path; }
    public int getSortOrder() { return sortOrder; }
    public boolean isDemo() { return demo; }
    public int getVersion() { return version; }
}
