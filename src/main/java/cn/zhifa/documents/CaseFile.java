package cn.zhifa.documents;

import java.util.List;

/**
 * An assembled case file (案卷): cover, 卷内目录 and the documents in 立卷顺序 as one PDF, the table of contents
 * with page numbers, and the completeness findings for 案卷评查 (missing documents, refused signatures).
 */
public record CaseFile(byte[] pdf, int pages, List<Item> contents, List<String> missingDocuments,
                       List<String> signatureFindings) {

    /** A line of the 卷内目录: order, title and number, date, first page (页号). */
    public record Item(int order, String title, String number, java.time.LocalDate date, int firstPage, int lastPage) {}

    public boolean complete() {
        return missingDocuments.isEmpty() && signatureFindings.isEmpty();
    }
}
