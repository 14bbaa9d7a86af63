package cn.zhifa.documents;

/** Published after a document is issued (in the issuing transaction). */
public record DocumentIssued(long documentId, String kind, String number, SourceRef source, long organizationId) {}
