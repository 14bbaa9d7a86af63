package cn.zhifa.bench;

import cn.zhifa.documents.DocumentContent;
import cn.zhifa.documents.DocumentTemplates;
import cn.zhifa.documents.RenderedDocument;
import cn.zhifa.documents.SampleDocuments;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Benchmark (not part of the normal build), issue 18: the CPU of rendering what a submitted record issues — its
 * 现场检查记录 and 责令限期整改指令书, PDF and DOCX — without Spring or the database, single-threaded, as thread CPU
 * time per pair. Profile it with JFR to see where the documents thread spends its time:
 * <pre>./mvnw -o test -Dtest=DocumentRenderingBenchmark -Dzhifa.bench=true -Dsurefire.failIfNoSpecifiedTests=false \
 *   -DargLine="-XX:StartFlightRecording=filename=/tmp/render.jfr,settings=profile"</pre>
 * Optional: -Dzhifa.bench.documents=N (pairs measured, default 150, after 30 warm-up pairs).
 * Result: stdout and target/benchmark/document-rendering.txt.
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "zhifa.bench", matches = "true")
class DocumentRenderingBenchmark {

    @Test
    void rendering_a_records_two_documents() throws Exception {
        DocumentTemplates templates = DocumentTemplates.standard();
        List<DocumentContent> pair = List.of(
                SampleDocuments.issued(templates.find("INSPECTION_RECORD").orElseThrow(), 7),
                SampleDocuments.issued(templates.find("RECTIFICATION_ORDER").orElseThrow(), 8));
        int pairs = Integer.getInteger("zhifa.bench.documents", 150);
        var threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 30; i++) {
            pair.forEach(templates::render);
        }
        long pdfBytes = 0, docxBytes = 0;
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        for (int i = 0; i < pairs; i++) {
            for (DocumentContent c : pair) {
                RenderedDocument r = templates.render(c);
                pdfBytes += r.pdf().length;
                docxBytes += r.docx().length;
            }
        }
        double cpuMs = (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / pairs;
        double wallMs = (System.nanoTime() - wall) / 1e6 / pairs;
        String report = """
                Rendering a record's 现场检查记录 + 责令限期整改指令书 (PDF and DOCX), %d pairs after 30 warm-up, one thread:
                CPU %.1f ms per pair (wall %.1f ms, %s); PDF %d bytes, DOCX %d bytes per pair
                """.formatted(pairs, cpuMs, wallMs, load(), pdfBytes / pairs, docxBytes / pairs);
        System.out.println(report);
        Files.createDirectories(Path.of("target", "benchmark"));
        Files.writeString(Path.of("target", "benchmark", "document-rendering.txt"), report);
    }

    private static String load() {
        try {
            return "load " + Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "load unknown";
        }
    }
}
