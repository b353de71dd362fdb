package coop.minka.sync;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.demo.DemoGenerator;
import coop.minka.app.sync.SyncService;
import coop.minka.app.Workspace;
import coop.minka.domain.ErrorCode;
import coop.minka.domain.MinkaException;
import coop.minka.store.OpStore;
import coop.minka.sync.format.ManifestJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// The hand-written ZIP of a bundle: whatever the size, the block size and the number of
/// deflating threads, `java.util.zip` reads back exactly the bytes written (CRC, sizes and the
/// data descriptors included), the digests are of those bytes, and a real export is accepted by
/// [BundleReader] and joined.
class BundleZipWriterTest {
    private static final int BLOCK = 32 * 1024;
    private static final long CREATED = 1_790_000_000_000L;

    @TempDir
    Path tmp;

    /// ndjson-like lines of varied length, compressible but not trivially; `longLines` adds lines
    /// longer than a whole block.
    private static byte[] content(int bytes, boolean longLines) {
        Random r = new Random(bytes);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] words = {"member.add", "tx.add", "work.add", "\"amount\":", "\"date\":\"2025-", "Ana", "Quispe", "1000"};
        int i = 0;
        while (out.size() < bytes) {
            StringBuilder line = new StringBuilder("{\"seq\":").append(++i).append(",\"data\":\"");
            int len = longLines && i % 7 == 3 ? BLOCK + 5000 : 20 + r.nextInt(600);
            while (line.length() < len) {
                line.append(r.nextInt(4) == 0 ? Long.toHexString(r.nextLong()) : words[r.nextInt(words.length)]);
            }
            line.append("\"}\n");
            out.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
        }
        byte[] all = out.toByteArray();
        return java.util.Arrays.copyOf(all, bytes);
    }

    private record Written(Path file, byte[] fileSha, byte[] contentSha) {
    }

    /// Writes `content` as ops.ndjson in pieces of the given sizes (cycling), then a manifest.
    private Written writeZip(String name, byte[] content, int workers, int[] pieces) throws IOException {
        return writeZip(name, content, BLOCK, workers, pieces);
    }

    private Written writeZip(String name, byte[] content, int block, int workers, int[] pieces) throws IOException {
        Path file = tmp.resolve(name);
        MessageDigest fileMd = sha();
        MessageDigest contentMd = sha();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             BundleZipWriter zip = new BundleZipWriter(ch, fileMd, block, workers, CREATED)) {
            zip.begin(BundleReader.OPS, contentMd);
            int at = 0;
            for (int k = 0; at < content.length; k++) {
                int n = Math.min(pieces[k % pieces.length], content.length - at);
                if (n == 1) {
                    zip.write(content[at]);
                } else {
                    zip.write(content, at, n);
                }
                at += n;
            }
            zip.end();
            zip.entry(BundleReader.MANIFEST, "{\"format\":1}".getBytes(StandardCharsets.UTF_8));
            zip.finish();
        }
        return new Written(file, fileMd.digest(), contentMd.digest());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 100, BLOCK - 1, BLOCK, BLOCK + 1, 3 * BLOCK, 5 * BLOCK + 12_345})
    void javaUtilZipReadsBackExactlyWhatWasWritten(int size) throws IOException {
        byte[] content = content(size, false);
        byte[] reference = null;
        for (int workers = 0; workers <= 2; workers++) {
            Written w = writeZip("w" + workers + ".zip", content, workers, new int[] {1, 333, 7000, 1, 40_000});
            checkReadsBack(w, content);
            byte[] bytes = Files.readAllBytes(w.file());
            if (reference == null) {
                reference = bytes;
            } else {
                assertArrayEquals(reference, bytes, "the same bytes whichever thread deflates a block");
            }
        }
    }

    @Test
    void linesLongerThanABlockAndByteByByteWrites() throws IOException {
        byte[] content = content(9 * BLOCK + 77, true);
        checkReadsBack(writeZip("long.zip", content, 1, new int[] {BLOCK * 2 + 3}), content);
        checkReadsBack(writeZip("bytes.zip", content, 1, new int[] {1}), content);
    }

    @Test
    void theDefaultBlockSizeWithASmallFirstBlock() throws IOException {
        int block = BundleZipWriter.DEFAULT_BLOCK;
        for (int size : new int[] {100, 64 * 1024, 64 * 1024 + 1, block, 2 * block + 4321}) {
            byte[] content = content(size, true);
            checkReadsBack(writeZip("d" + size + ".zip", content, block, 1, new int[] {5000, 1, 70_000}), content);
        }
    }

    @Test
    void compressesLikeOneStream() throws IOException {
        byte[] content = content(40 * BLOCK, false);
        Written w = writeZip("ratio.zip", content, 1, new int[] {4096});
        ByteArrayOutputStream one = new ByteArrayOutputStream();
        try (var z = new java.util.zip.ZipOutputStream(one)) {
            z.setLevel(java.util.zip.Deflater.BEST_SPEED);
            z.putNextEntry(new ZipEntry(BundleReader.OPS));
            z.write(content);
            z.closeEntry();
        }
        long ours = Files.size(w.file());
        assertTrue(ours < one.size() * 1.02, "block-wise deflate with dictionaries: " + ours + " vs " + one.size());
    }

    private static void checkReadsBack(Written w, byte[] content) throws IOException {
        assertArrayEquals(sha().digest(Files.readAllBytes(w.file())), w.fileSha(), "the file digest is of the file");
        assertArrayEquals(sha().digest(content), w.contentSha(), "the content digest is of the content");
        CRC32 crc = new CRC32();
        crc.update(content);
        try (ZipFile zip = new ZipFile(w.file().toFile())) {
            List<? extends ZipEntry> entries = Collections.list(zip.entries());
            assertEquals(List.of(BundleReader.OPS, BundleReader.MANIFEST), entries.stream().map(ZipEntry::getName).toList());
            ZipEntry ops = entries.getFirst();
            assertEquals(ZipEntry.DEFLATED, ops.getMethod());
            assertEquals(content.length, ops.getSize());
            assertEquals(crc.getValue(), ops.getCrc());
            try (InputStream in = zip.getInputStream(ops)) {
                assertArrayEquals(content, in.readAllBytes());
            }
            assertEquals("{\"format\":1}", new String(zip.getInputStream(entries.get(1)).readAllBytes(),
                    StandardCharsets.UTF_8));
        }
        // the streaming reader checks every data descriptor and CRC as it goes
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(w.file()))) {
            assertEquals(BundleReader.OPS, in.getNextEntry().getName());
            assertArrayEquals(content, in.readAllBytes());
            assertEquals(BundleReader.MANIFEST, in.getNextEntry().getName());
            in.readAllBytes();
            assertEquals(null, in.getNextEntry());
        }
    }

    // ------------------------------------------------------------------ real bundles

    @Test
    void aRealExportInManyBlocksIsReadAndJoined() throws IOException {
        DemoGenerator.Result demo = DemoGenerator.generate(tmp.resolve("demo"),
                new DemoGenerator.Options(12, 1, 2, 7, 24, 24, LocalDate.of(2025, 6, 30), "BOB"));
        Path source = demo.databases().get(1);
        byte[] expected;
        long held;
        List<Path> bundles = new ArrayList<>();
        try (Workspace ws = Workspace.open(source, System::currentTimeMillis)) {
            expected = ws.db().read(BundleZipWriterTest::ndjson);
            held = ws.read(OpStore::count);
            Map<String, Long> grouped = new java.util.LinkedHashMap<>();
            ws.db().read(d -> d.resultQuery("SELECT replica, max(seq) FROM op GROUP BY replica ORDER BY replica")
                    .fetch()).forEach(r -> grouped.put(r.get(0, String.class), r.get(1, Long.class)));
            assertEquals(grouped, ws.db().read(OpStore::versionVector), "seeking finds what grouping finds");
            assertEquals(2, grouped.size());
            assertTrue(expected.length > 4 * BLOCK, "several blocks: " + expected.length);
            assertTrue(splitsALine(expected, BLOCK), "a block boundary falls inside a line");
            for (int workers = 0; workers <= 2; workers++) {
                Path target = tmp.resolve("full-" + workers + ".minka");
                int w = workers;
                BundleWriter.Written written = ws.db().read(d -> BundleWriter.write(d, target, sender(ws), Map.of(),
                        CREATED, BLOCK, w));
                assertArrayEquals(sha().digest(Files.readAllBytes(target)), written.sha256());
                bundles.add(target);
            }
        }
        for (Path bundle : bundles) {
            try (ZipFile zip = new ZipFile(bundle.toFile())) {
                assertArrayEquals(expected, zip.getInputStream(zip.getEntry(BundleReader.OPS)).readAllBytes());
            }
            VerifiedBundle v = new BundleReader(BundleLimits.DEFAULT).read(bundle, "test", null, a -> Optional.empty());
            assertTrue(v.full());
            assertEquals(v.ranges().stream().mapToLong(r -> r.ops().size()).sum(), v.manifest().opCount());
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            for (VerifiedBundle.Range r : v.ranges()) {
                for (var op : r.ops()) {
                    read.writeBytes(op.body());
                    read.write('\n');
                }
            }
            assertArrayEquals(expected, read.toByteArray(), "BundleReader reads the same entries");
        }
        Path joined = tmp.resolve("joined.db");
        try (Workspace ws = SyncService.join(joined, bundles.get(1), "Joiner", System::currentTimeMillis)) {
            assertEquals(held + 1, ws.read(OpStore::count), "every entry, and the joiner's own");
        }
    }

    @Test
    void anExportOfNothingNewIsAValidBundle() throws IOException {
        DemoGenerator.Result demo = DemoGenerator.generate(tmp.resolve("demo"),
                new DemoGenerator.Options(3, 1, 1, 7, 2, 2, LocalDate.of(2025, 6, 30), "BOB"));
        Path target = tmp.resolve("nothing.minka");
        String self;
        byte[] key;
        try (Workspace ws = Workspace.open(demo.founder(), System::currentTimeMillis)) {
            self = ws.selfId();
            key = ws.log().identity().publicKey();
            Map<String, Long> held = ws.db().read(OpStore::versionVector);
            Map<String, Long> all = new TreeMap<>(held);
            BundleWriter.Written w = ws.db().read(d -> BundleWriter.write(d, target, sender(ws), all, CREATED, BLOCK, 1));
            assertEquals(0, w.manifest().opCount());
        }
        try (ZipFile zip = new ZipFile(target.toFile())) {
            assertEquals(0, zip.getInputStream(zip.getEntry(BundleReader.OPS)).readAllBytes().length);
        }
        VerifiedBundle v = new BundleReader(BundleLimits.DEFAULT).read(target, "test", null,
                a -> a.equals(self) ? Optional.of(key) : Optional.empty());
        assertEquals(0, v.manifest().opCount());
        assertTrue(v.ranges().isEmpty());
    }

    @Test
    void anExistingFileIsNeverOverwrittenAndAFailedWriteLeavesNothing() throws IOException {
        DemoGenerator.Result demo = DemoGenerator.generate(tmp.resolve("demo"),
                new DemoGenerator.Options(3, 1, 1, 7, 2, 2, LocalDate.of(2025, 6, 30), "BOB"));
        Path existing = Files.writeString(tmp.resolve("existing.minka"), "mine");
        Path target = tmp.resolve("unsigned.minka");
        try (Workspace ws = Workspace.open(demo.founder(), System::currentTimeMillis)) {
            MinkaException e = assertThrows(MinkaException.class, () -> ws.db().read(d ->
                    BundleWriter.write(d, existing, sender(ws), Map.of(), CREATED, BLOCK, 1)));
            assertEquals(ErrorCode.FILE_EXISTS, e.code());
            assertEquals("mine", Files.readString(existing));
            // no signing key: fails after every entry is written, before the manifest
            BundleWriter.Sender noKey = new BundleWriter.Sender(sender(ws).coop(), sender(ws).replica(), null,
                    ws.log().identity().publicKey());
            assertThrows(RuntimeException.class, () -> ws.db().read(d ->
                    BundleWriter.write(d, target, noKey, Map.of(), CREATED, BLOCK, 1)));
            assertFalse(Files.exists(target), "the half-written file is deleted");
        }
    }

    @Test
    void anEncryptedFileIsWrittenInOnePassAndAFailedOneLeavesNothing() throws IOException {
        DemoGenerator.Result demo = DemoGenerator.generate(tmp.resolve("demo"),
                new DemoGenerator.Options(3, 1, 1, 7, 2, 2, LocalDate.of(2025, 6, 30), "BOB"));
        Path target = tmp.resolve("sealed.minka");
        Path plain = tmp.resolve("opened.zip");
        try (Workspace ws = Workspace.open(demo.founder(), System::currentTimeMillis)) {
            byte[] expected = ws.db().read(BundleZipWriterTest::ndjson);
            List<String> to = List.of(ws.log().identity().ageRecipient());
            BundleWriter.Written w = ws.read(s -> BundleWriter.writeEncrypted(s, target, sender(ws), Map.of(),
                    CREATED, to));
            assertTrue(AgeFiles.isAge(target));
            assertArrayEquals(BundleWriter.sha256Of(target), w.sha256(), "the digest is that of the file as written");
            AgeFiles.decrypt(target, plain, List.of(ws.log().identity().ageIdentity()), BundleLimits.DEFAULT, "test");
            try (ZipFile zip = new ZipFile(plain.toFile())) {
                assertArrayEquals(expected, zip.getInputStream(zip.getEntry(BundleReader.OPS)).readAllBytes());
            }
            byte[] key = ws.log().identity().publicKey();
            String self = ws.selfId();
            VerifiedBundle v = new BundleReader(BundleLimits.DEFAULT).read(plain, "test", null,
                    a -> a.equals(self) ? Optional.of(key) : Optional.empty());
            assertEquals(w.manifest().opCount(), v.manifest().opCount());

            Path failed = tmp.resolve("failed.minka");
            BundleWriter.Sender noKey = new BundleWriter.Sender(sender(ws).coop(), sender(ws).replica(), null,
                    ws.log().identity().publicKey());
            assertThrows(RuntimeException.class, () -> ws.read(s -> BundleWriter.writeEncrypted(s, failed, noKey,
                    Map.of(), CREATED, to)));
            assertFalse(Files.exists(failed), "the half-written encrypted file is deleted");
            MinkaException damaged = assertThrows(MinkaException.class, () -> ws.read(s ->
                    BundleWriter.writeEncrypted(s, failed, sender(ws), Map.of(), CREATED, List.of("age1damaged"))));
            assertEquals(ErrorCode.INTERNAL, damaged.code());
            assertFalse(Files.exists(failed));
        }
    }

    private static BundleWriter.Sender sender(Workspace ws) {
        return new BundleWriter.Sender(new ManifestJson.Party(ws.coop().id(), ws.coop().name()),
                new ManifestJson.Party(ws.selfId(), "Test"), ws.log().identity().privateKey(),
                ws.log().identity().publicKey());
    }

    /// Every op held, author by author in seq order, one body and `\n` each: what ops.ndjson of
    /// a full bundle must hold.
    private static byte[] ndjson(org.jooq.DSLContext d) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String author : new TreeMap<>(OpStore.versionVector(d)).keySet()) {
            OpStore.forEachOf(d, author, 0, op -> {
                out.writeBytes(op.body());
                out.write('\n');
            });
        }
        return out.toByteArray();
    }

    private static boolean splitsALine(byte[] ndjson, int block) {
        for (int at = block; at < ndjson.length; at += block) {
            if (ndjson[at - 1] != '\n') {
                return true;
            }
        }
        return false;
    }

    private static MessageDigest sha() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
