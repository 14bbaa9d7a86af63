package cn.zhifa.documents.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One standard document described by data (a YAML descriptor under {@code documents/templates/}): title, 代字,
 * whether it is numbered, its fields, parties, signature areas and the ordered body elements.
 */
public record Template(String kind, String title, String prefix, boolean numbered, boolean headLine,
                       String category, Integer filingOrder, String copiesTo, List<Field> fields,
                       List<PartyRole> parties, List<SignatureArea> signatureAreas, List<Element> body) {

    public enum FieldKind { TEXT, BLOCK, DATE, DATETIME, MONEY, CHECKBOX, LIST, TABLE }

    /** A value the document is filled with. {@code options} for checkbox groups, {@code columns} for tables. */
    public record Field(String name, String label, FieldKind kind, boolean required, List<String> options,
                        List<String> columns) {}

    /** A party role the template names, e.g. {@code party} labelled 被检查单位. */
    public record PartyRole(String role, String label, boolean required) {}

    /**
     * A place for a drawn signature. {@code officer} (1, 2) ties the area to the n-th officer, whose 证号 is printed;
     * {@code required} areas need a signature or a recorded refusal before issue.
     */
    public record SignatureArea(String area, String label, Integer officer, boolean required) {}

    /** The body of a document, in print order. */
    public sealed interface Element permits Addressee, Paragraph, Fragment, Rows, Grid, NumberedList, Block, Table,
            Signatures, Seal, DateLine, Note {}

    /** "{party.name}：" line before a letter's body. */
    public record Addressee(String text) implements Element {}

    /** Fixed wording with placeholders; {@code id} lets an authority override it as "kind.id". */
    public record Paragraph(String id, String text, boolean indent, String align, boolean bold) implements Element {}

    /** A shared wording block (rights notice R / R+, payment P …) from {@code documents/fragments.yml}. */
    public record Fragment(String id) implements Element {}

    /** Label / value lines of a letter-style form (values underlined). */
    public record Rows(List<List<Cell>> rows) implements Element {}

    /** A bordered table of an approval form (审批表) or record (笔录). */
    public record Grid(List<List<Cell>> rows) implements Element {}

    /** A numbered list field (1. … 2. …). */
    public record NumberedList(String field) implements Element {}

    /** A labelled multi-line text field ("检查情况：…"). */
    public record Block(String field, String label) implements Element {}

    /** A table field with its column heads. */
    public record Table(String field) implements Element {}

    /** Signature lines for the named areas. */
    public record Signatures(List<String> areas) implements Element {}

    /** The authority's name with （印章） and the document date, on the right. */
    public record Seal() implements Element {}

    /** The document date alone, on the right. */
    public record DateLine() implements Element {}

    /** Small print, e.g. 注 lines. */
    public record Note(String text) implements Element {}

    /**
     * A cell of rows and grids: a labelled value ({@code ref} is a placeholder reference), a block (full width,
     * label above), or an opinion box (审核意见 with opinion field, signature area and date field).
     */
    public record Cell(String label, String ref, CellKind kind, String signatureArea, String dateRef) {
        /** The signature areas of an opinion box (one or more, e.g. both 承办人). */
        public List<String> signatureAreas() {
            return signatureArea == null || signatureArea.isBlank() ? List.of() : List.of(signatureArea.split(","));
        }
    }

    public enum CellKind { VALUE, BLOCK, OPINION }

    public Optional<Field> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public Optional<SignatureArea> signatureArea(String area) {
        return signatureAreas.stream().filter(a -> a.area().equals(area)).findFirst();
    }

    public Optional<PartyRole> partyRole(String role) {
        return parties.stream().filter(p -> p.role().equals(role)).findFirst();
    }

    /** The full 代字 with the 应急 prefix, after the authority's override. */
    public String fullPrefix(Map<String, String> overrides) {
        return "应急" + overrides.getOrDefault(kind, prefix);
    }
}
