package cn.zhifa.documents.internal;

import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.storage.ObjectStores;
import cn.zhifa.shared.storage.StorageProperties;
import cn.zhifa.shared.storage.StorageUnavailable;
import com.robothy.s3.rest.LocalS3;
import com.robothy.s3.rest.bootstrap.LocalS3Mode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issued documents' bytes behind the object store (issue 18): kept once under their SHA-256, read back only while they
 * still hash to it; in the local directory and on an S3-compatible server in the test JVM (Local S3).
 */
class IssuedDocumentFilesTests {

    static final String BUCKET = "zhifa-documents";
    static LocalS3 server;
    static StorageProperties.S3 s3;
    static S3Client client;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void startObjectStore() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        server = LocalS3.builder().port(port).mode(LocalS3Mode.IN_MEMORY).build();
        server.start();
        s3 = new StorageProperties.S3("http://127.0.0.1:" + port, "us-east-1", BUCKET, "zhifa/", true, "test-key", "test-secret");
        client = ObjectStores.client(s3);
        client.createBucket(create -> create.bucket(BUCKET));
    }

    @AfterAll
    static void stopObjectStore() {
        client.close();
        server.shutdown();
    }

    IssuedDocumentFiles files(StorageProperties.Kind kind) {
        return new IssuedDocumentFiles(new ObjectStores(new StorageProperties(kind, s3)), dataDir, "");
    }

    @Test
    void a_document_is_kept_in_the_bucket_under_its_sha256_once_and_read_back() {
        IssuedDocumentFiles files = files(StorageProperties.Kind.S3);
        byte[] pdf = "%PDF-1.7 责令限期整改指令书 s3".getBytes(StandardCharsets.UTF_8);
        String sha = IssuedDocumentFiles.sha256(pdf);

        String key = files.keep(pdf, sha);

        assertThat(key).isEqualTo(sha.substring(0, 2) + "/" + sha);
        assertThat(objectKeys()).contains("zhifa/documents/" + key);
        assertThat(files.read(key, sha)).isEqualTo(pdf);
        assertThat(files.keep(pdf, sha)).isEqualTo(key);
        assertThat(objectKeys().stream().filter(("zhifa/documents/" + key)::equals)).as("the same bytes are one object").hasSize(1);
        assertThat(Files.exists(dataDir.resolve("documents").resolve(key))).as("nothing on the node's disk").isFalse();
    }

    @Test
    void bytes_changed_in_the_bucket_are_refused_in_chinese() {
        IssuedDocumentFiles files = files(StorageProperties.Kind.S3);
        byte[] pdf = "%PDF-1.7 行政处罚决定书 tampered".getBytes(StandardCharsets.UTF_8);
        String sha = IssuedDocumentFiles.sha256(pdf);
        String key = files.keep(pdf, sha);
        client.putObject(put -> put.bucket(BUCKET).key("zhifa/documents/" + key), RequestBody.fromString("%PDF-1.7 改过的"));

        assertThatThrownBy(() -> files.read(key, sha)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("校验未通过").hasMessageContaining("SHA-256");
    }

    @Test
    void in_the_local_directory_the_file_is_under_its_sha256_and_a_changed_file_is_refused() throws Exception {
        IssuedDocumentFiles files = files(StorageProperties.Kind.LOCAL);
        byte[] docx = "PK 现场检查记录 docx".getBytes(StandardCharsets.UTF_8);
        String sha = IssuedDocumentFiles.sha256(docx);

        String key = files.keep(docx, sha);

        Path file = dataDir.resolve("documents").resolve(key);
        assertThat(Files.readAllBytes(file)).isEqualTo(docx);
        assertThat(files.read(key, sha)).isEqualTo(docx);
        try (var left = Files.list(dataDir.resolve("documents").resolve("tmp"))) {
            assertThat(left).as("the temporary file is gone").isEmpty();
        }
        file.toFile().setWritable(true);
        Files.writeString(file, "PK 改过的");
        assertThatThrownBy(() -> files.read(key, sha)).isInstanceOf(RuleViolation.class).hasMessageContaining("校验未通过");
    }

    @Test
    void bytes_that_do_not_match_the_callers_hash_are_never_kept() {
        IssuedDocumentFiles files = files(StorageProperties.Kind.S3);
        List<String> before = objectKeys();
        assertThatThrownBy(() -> files.keep("%PDF".getBytes(StandardCharsets.UTF_8), "0".repeat(64)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(objectKeys()).isEqualTo(before);
    }

    @Test
    void an_unreachable_object_store_refuses_with_the_documents_words() throws Exception {
        int closed;
        try (ServerSocket free = new ServerSocket(0)) {
            closed = free.getLocalPort();
        }
        StorageProperties.S3 nowhere = new StorageProperties.S3("http://127.0.0.1:" + closed, "us-east-1", BUCKET, "zhifa/",
                true, "test-key", "test-secret");
        try (ObjectStores stores = new ObjectStores(new StorageProperties(StorageProperties.Kind.S3, nowhere))) {
            IssuedDocumentFiles files = new IssuedDocumentFiles(stores, dataDir, "");
            byte[] pdf = "%PDF-1.7".getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> files.keep(pdf, IssuedDocumentFiles.sha256(pdf))).isInstanceOf(StorageUnavailable.class)
                    .hasMessage("文书存储暂不可用，请稍后重试。");
        }
    }

    static List<String> objectKeys() {
        return client.listObjectsV2Paginator(list -> list.bucket(BUCKET)).contents().stream().map(S3Object::key).toList();
    }
}
