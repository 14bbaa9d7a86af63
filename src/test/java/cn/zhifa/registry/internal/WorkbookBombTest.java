package cn.zhifa.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhifa.shared.RuleViolation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Issue 14: the Excel import refuses an oversized upload before reading it and a ZIP bomb before parsing it. */
class WorkbookBombTest {

    private static final long MB = 1024 * 1024;
    private final Workbooks.Limits limits = new Workbooks.Limits(1000, 2 * MB, 32767, 8 * MB, 1 * MB);

    /** A small .xlsx whose shared strings expand to {@code sharedStringsBytes} (highly compressible). */
    private static byte[] bomb(long sharedStringsBytes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            byte[] chunk = "<si><t>炸弹炸弹炸弹炸弹炸弹炸弹炸弹炸弹</t></si>".repeat(1000).getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written < sharedStringsBytes; written += chunk.length) {
                zip.write(chunk);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    @Test
    void an_xlsx_whose_shared_strings_expand_past_the_limit_is_refused_in_chinese_and_leaves_no_file() throws Exception {
        byte[] file = bomb(3 * MB);
        assertThat(file.length).as("small on the wire").isLessThan(200_000);
        long tempsBefore = temporaryImports();
        assertThatThrownBy(() -> Workbooks.receive("炸弹.xlsx", file.length, new ByteArrayInputStream(file), limits))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("共享字符串解压后超过 1 MB").hasMessageContaining("压缩炸弹");
        assertThat(temporaryImports()).isEqualTo(tempsBefore);
    }

    @Test
    void an_xlsx_expanding_past_the_total_limit_is_refused() throws Exception {
        Workbooks.Limits tight = new Workbooks.Limits(1000, 2 * MB, 32767, 2 * MB, 64 * MB);
        byte[] file = bomb(3 * MB);
        assertThatThrownBy(() -> Workbooks.receive("炸弹.xlsx", file.length, new ByteArrayInputStream(file), tight))
                .hasMessageContaining("解压后超过 2 MB");
    }

    @Test
    void an_upload_declared_larger_than_the_limit_is_refused_before_a_byte_is_read() {
        InputStream untouchable = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("the body must not be read");
            }
        };
        assertThatThrownBy(() -> Workbooks.receive("大.xlsx", 3 * MB, untouchable, limits))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("超过上限 2 MB");
    }

    @Test
    void an_upload_without_a_declared_size_stops_at_the_limit_while_streaming() {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'P';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 'P');
                return len;
            }
        };
        assertThatThrownBy(() -> Workbooks.receive("无尽.xlsx", -1, endless, limits)).hasMessageContaining("超过上限 2 MB");
    }

    @Test
    void an_ordinary_workbook_passes_and_is_read() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbooks.write(List.of("名称", "代码"), List.of(List.of("甲公司", "1")), false, out);
        Path received = Workbooks.receive("企业.xlsx", out.size(), new ByteArrayInputStream(out.toByteArray()), limits);
        try {
            assertThat(Workbooks.read(received, limits)).hasSize(2);
        } finally {
            Files.deleteIfExists(received);
        }
    }

    private static long temporaryImports() throws Exception {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("zhifa-import-")).count();
        }
    }
}
