package cn.zhifa.hazard.web;

import cn.zhifa.hazard.HazardLevel;
import cn.zhifa.hazard.HazardRegistration;
import cn.zhifa.inspection.RecordSubmission;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.multipart.MultipartFile;

/**
 * The phone form of 登记隐患并责令整改: one enterprise, up to {@link #ROWS} hazards (blank rows are ignored),
 * and the signatures of the order.
 */
public class RegistrationForm {

    static final int ROWS = 5;

    private Long enterpriseId;
    private Long recordId;
    private List<Row> rows = new ArrayList<>();
    private String officerPng;
    private Long secondOfficerId;
    private String secondOfficerPng;
    private String representativeName;
    private String representativePng;
    private boolean refused;
    private String witness;

    /** One hazard of the form. */
    public static class Row {
        private String description;
        private String location;
        private String legalBasis;
        private String criterion;
        private boolean major;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate deadline;
        private boolean confirmNonWorkingDeadline;
        private String immediateMeasure;
        private List<MultipartFile> files = new ArrayList<>();

        boolean blank() {
            return isBlank(description) && isBlank(location) && isBlank(legalBasis) && isBlank(criterion) && deadline == null
                    && isBlank(immediateMeasure) && files.stream().allMatch(f -> f == null || f.isEmpty());
        }

        public String getDescription() { return description; }
        public void setDescription(String description) { this.description = description; }
        public String getLocation() { return location; }
        public void setLocation(String location) { this.location = location; }
        public String getLegalBasis() { return legalBasis; }
        public void setLegalBasis(String legalBasis) { this.legalBasis = legalBasis; }
        public String getCriterion() { return criterion; }
        public void setCriterion(String criterion) { this.criterion = criterion; }
        public boolean isMajor() { return major; }
        public void setMajor(boolean major) { this.major = major; }
        public LocalDate getDeadline() { return deadline; }
        public void setDeadline(LocalDate deadline) { this.deadline = deadline; }
        public boolean isConfirmNonWorkingDeadline() { return confirmNonWorkingDeadline; }
        public void setConfirmNonWorkingDeadline(boolean confirm) { this.confirmNonWorkingDeadline = confirm; }
        public String getImmediateMeasure() { return immediateMeasure; }
        public void setImmediateMeasure(String immediateMeasure) { this.immediateMeasure = immediateMeasure; }
        public List<MultipartFile> getFiles() { return files; }
        public void setFiles(List<MultipartFile> files) { this.files = files == null ? new ArrayList<>() : files; }
    }

    /** The filled rows (blank ones dropped), their photos stored by {@code store}, as the service's registration. */
    HazardRegistration toRegistration(long officerId, Function<List<MultipartFile>, List<Long>> store) {
        List<HazardRegistration.Finding> findings = new ArrayList<>();
        for (Row row : filledRows()) {
            findings.add(new HazardRegistration.Finding(row.major ? HazardLevel.MAJOR : HazardLevel.GENERAL, row.criterion,
                    row.location, row.description, row.legalBasis, row.deadline, row.confirmNonWorkingDeadline,
                    row.immediateMeasure, store.apply(row.files), null, null));
        }
        List<RecordSubmission.OfficerSignature> officers = new ArrayList<>();
        officers.add(new RecordSubmission.OfficerSignature(officerId, officerPng));
        if (secondOfficerId != null) {
            officers.add(new RecordSubmission.OfficerSignature(secondOfficerId, secondOfficerPng));
        }
        return new HazardRegistration(null, enterpriseId == null ? 0 : enterpriseId, recordId, findings, officers,
                new RecordSubmission.RepresentativeSignature(representativeName, representativePng, refused, witness), null);
    }

    List<Row> filledRows() {
        return rows.stream().filter(r -> r != null && !r.blank()).toList();
    }

    /** Pads the rows to {@link #ROWS} for the page (drawn signatures are never sent back). */
    RegistrationForm forPage() {
        List<Row> padded = new ArrayList<>(rows.stream().map(r -> r == null ? new Row() : r).toList());
        while (padded.size() < ROWS) {
            padded.add(new Row());
        }
        rows = padded;
        officerPng = null;
        secondOfficerPng = null;
        representativePng = null;
        return this;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    public Long getEnterpriseId() { return enterpriseId; }
    public void setEnterpriseId(Long enterpriseId) { this.enterpriseId = enterpriseId; }
    public Long getRecordId() { return recordId; }
    public void setRecordId(Long recordId) { this.recordId = recordId; }
    public List<Row> getRows() { return rows; }
    public void setRows(List<Row> rows) { this.rows = rows == null ? new ArrayList<>() : rows; }
    public String getOfficerPng() { return officerPng; }
    public void setOfficerPng(String officerPng) { this.officerPng = officerPng; }
    public Long getSecondOfficerId() { return secondOfficerId; }
    public void setSecondOfficerId(Long secondOfficerId) { this.secondOfficerId = secondOfficerId; }
    public String getSecondOfficerPng() { return secondOfficerPng; }
    public void setSecondOfficerPng(String secondOfficerPng) { this.secondOfficerPng = secondOfficerPng; }
    public String getRepresentativeName() { return representativeName; }
    public void setRepresentativeName(String representativeName) { this.representativeName = representativeName; }
    public String getRepresentativePng() { return representativePng; }
    public void setRepresentativePng(String representativePng) { this.representativePng = representativePng; }
    public boolean isRefused() { return refused; }
    public void setRefused(boolean refused) { this.refused = refused; }
    public String getWitness() { return witness; }
    public void setWitness(String witness) { this.witness = witness; }
}
