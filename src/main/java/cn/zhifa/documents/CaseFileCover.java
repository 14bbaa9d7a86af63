package cn.zhifa.documents;

import java.time.LocalDate;

/** The cover page of a case file (案卷首页); {@code procedure} is GENERAL (一般程序) or SUMMARY (简易程序). */
public record CaseFileCover(String procedure, String authorityName, String caseName, String cause, String result,
                            LocalDate filedOn, LocalDate closedOn, String handlers, LocalDate archivedOn,
                            String archiveNo, String retention) {}
