package cn.zhifa.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.storage.ObjectStores;
import cn.zhifa.shared.storage.StorageProperties;
import cn.zhifa.shared.storage.StorageUnavailable;
import com.robothy.s3.rest.LocalS3;
import com.robothy.s3.rest.bootstrap.LocalS3Mode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Evidence bytes on an S3-compatible object store (issue 18), against Local S3 (io.github.robothy:local-s3-rest), an
 * S3 server that runs inside the test JVM; and the local directory keeping the layout earlier versions wrote.
 */
class EvidenceOnObjectStoreTests {

    static final String BUCKET = "zhifa-evidence";
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

    EvidenceStore onObjectStore(DataSize maxPhoto) {
        return new EvidenceStore(new EvidenceProperties(null, maxPhoto, DataSize.ofMegabytes(200), DataSize.ofGigabytes(1)),
                dataDir, new ObjectStores(new StorageProperties(StorageProperties.Kind.S3, s3)));
    }

    @Test
    void a_photo_is_kept_once_in_the_bucket_under_its_sha256_and_read_back_intact() throws Exception {
        EvidenceStore store = onObjectStore(DataSize.ofMegabytes(30));
        byte[] photo = jpeg();

        EvidenceStore.Stored stored = store.write(new ByteArrayInputStream(photo), "现场.jpg");

        String sha = stored.sha256();
        assertThat(sha).isEqualTo(sha256(photo));
        String key = "zhifa/evidence/" + sha.substring(0, 2) + "/" + sha;
        assertThat(objectKeys()).contains(key);
        try (InputStream in = client.getObject(get -> get.bucket(BUCKET).key(key))) {
            assertThat(in.readAllBytes()).isEqualTo(photo);
        }
        assertThat(store.intact(sha)).isTrue();
        assertThat(store.resource(sha).contentLength()).isEqualTo(photo.length);
        try (InputStream in = store.resource(sha).getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(photo);
        }
        assertThat(Files.exists(store.pathOf(sha))).as("nothing kept on the node's disk").isFalse();
        try (var left = Files.list(dataDir.resolve("evidence").resolve("tmp"))) {
            assertThat(left).as("the upload's temporary file is gone").isEmpty();
        }

        store.write(new ByteArrayInputStream(photo), "again.jpg");
        assertThat(objectKeys().stream().filter(key::equals)).as("the same bytes are one object").hasSize(1);
    }

    @Test
    void a_changed_object_is_not_intact_and_an_oversize_photo_leaves_nothing_in_the_bucket() throws Exception {
        EvidenceStore store = onObjectStore(DataSize.ofBytes(2000));
        byte[] small = tinyJpeg();
        String sha = store.write(new ByteArrayInputStream(small), "a.jpg").sha256();
        String key = "zhifa/evidence/" + sha.substring(0, 2) + "/" + sha;
        client.putObject(put -> put.bucket(BUCKET).key(key), RequestBody.fromBytes(jpeg()));
        assertThat(store.intact(sha)).as("bytes that no longer hash to their name").isFalse();

        List<String> before = objectKeys();
        byte[] large = noise(128);
        assertThat(large.length).isGreaterThan(2000);
        assertThatThrownBy(() -> store.write(new ByteArrayInputStream(large), "大.jpg"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("超过上限");
        assertThat(objectKeys()).isEqualTo(before);
        assertThat(store.intact("0".repeat(64))).as("a missing object is not intact").isFalse();
    }

    @Test
    void an_unreachable_object_store_refuses_the_upload_in_chinese_and_keeps_nothing() throws Exception {
        int closed;
        try (ServerSocket free = new ServerSocket(0)) {
            closed = free.getLocalPort();
        }
        StorageProperties.S3 nowhere = new StorageProperties.S3("http://127.0.0.1:" + closed, "us-east-1", BUCKET, "zhifa/",
                true, "test-key", "test-secret");
        try (ObjectStores stores = new ObjectStores(new StorageProperties(StorageProperties.Kind.S3, nowhere))) {
            EvidenceStore store = new EvidenceStore(new EvidenceProperties(null, DataSize.ofMegabytes(30),
                    DataSize.ofMegabytes(200), DataSize.ofGigabytes(1)), dataDir, stores);

            assertThatThrownBy(() -> store.write(new ByteArrayInputStream(jpeg()), "现场.jpg"))
                    .isInstanceOf(StorageUnavailable.class).isInstanceOf(RuleViolation.class)
                    .hasMessage("证据存储暂不可用，请稍后重试。");
        }
        try (var left = Files.list(dataDir.resolve("evidence").resolve("tmp"))) {
            assertThat(left).as("the upload's temporary file is gone").isEmpty();
        }
    }

    @Test
    void the_local_directory_reads_files_in_the_layout_earlier_versions_wrote() throws Exception {
        byte[] photo = jpeg();
        String sha = sha256(photo);
        Path old = dataDir.resolve("evidence").resolve(sha.substring(0, 2)).resolve(sha);
        Files.createDirectories(old.getParent());
        Files.write(old, photo);
        EvidenceStore store = new EvidenceStore(new EvidenceProperties(null, DataSize.ofMegabytes(30),
                DataSize.ofMegabytes(200), DataSize.ofGigabytes(1)), dataDir,
                new ObjectStores(new StorageProperties(StorageProperties.Kind.LOCAL, s3)));

        assertThat(store.pathOf(sha)).isEqualTo(old);
        assertThat(store.intact(sha)).isTrue();
        try (InputStream in = store.resource(sha).getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(photo);
        }
        assertThat(store.write(new ByteArrayInputStream(photo), "again.jpg").sha256()).isEqualTo(sha);
        assertThat(Files.readAllBytes(old)).isEqualTo(photo);
    }

    static List<String> objectKeys() {
        return client.listObjectsV2Paginator(list -> list.bucket(BUCKET)).contents().stream()
                .map(software.amazon.awssdk.services.s3.model.S3Object::key).toList();
    }

    static byte[] jpeg() throws Exception {
        var image = new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 64; x++) {
            image.setRGB(x, x % 48, (int) ((System.nanoTime() * (x + 1)) & 0xFFFFFF));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    static byte[] noise(int size) throws Exception {
        var image = new java.awt.image.BufferedImage(size, size, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var random = new java.util.Random(size);
        for (int x = 0; x < size; x++) {
            for (int y = 0; y < size; y++) {
                image.setRGB(x, y, random.nextInt(0xFFFFFF));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    static byte[] tinyJpeg() throws Exception {
        var image = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, (int) (System.nanoTime() & 0xFFFFFF));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
