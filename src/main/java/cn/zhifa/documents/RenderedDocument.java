package cn.zhifa.documents;

/** The two renditions of one document: the PDF that is issued and hashed, and an editable DOCX of the same text. */
public record RenderedDocument(byte[] pdf, byte[] docx, int pages) {}
