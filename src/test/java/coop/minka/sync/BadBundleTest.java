package coop.minka.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.ErrorMessages;
import coop.minka.app.LedgerService;
import coop.minka.app.sync.SyncService;
import coop.minka.domain.AccountType;
import coop.minka.domain.ErrorCode;
import coop.minka.domain.Gender;
import coop.minka.domain.MinkaException;
import coop.minka.sync.format.ManifestJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/// The catalogue of bad bundles (issue 3): each is refused whole with a catalogued code whose
/// message exists in every language, and the receiving database is byte-for-byte unchanged
/// (file hash) with the same state digest.
class BadBundleTest {
    @TempDir
    static Path tmp;
    static Path aDb;
    static Path good;
    static Path otherCoop;
    static java.security.PrivateKey bKey;
    static String hashBefore;
    static String digestBefore;

    @BeforeAll
    static void setUp() throws Exception {
        Path stick = Village.mkdir(tmp.resolve("stick"));
        try (Village a = Village.foundPlain(tmp, "a", SyncService.Options.DEFAULT)) {
            a.s.members().add("Ana", Gender.WOMAN, null, null, null);
            a.s.ledger().addAccount("1000", "Cash", AccountType.ASSET, null);
            a.s.ledger().addAccount("4000", "Dues", AccountType.INCOME, null);
            a.s.ledger().post(LocalDate.of(2026, 1, 5), "Dues", null,
                    List.of(new LedgerService.Line("1000", "5"), new LedgerService.Line("4000", "-5")));
            Path full = a.exportFull(stick);
            try (Village b = Village.join(tmp, "b", full, SyncService.Options.DEFAULT)) {
                a.sync.importBundle(b.export(Village.mkdir(tmp.resolve("b-out")), SyncService.Mode.FULL, null));
                a.trust().admit(b.id());
                b.sync.importBundle(a.exportFull(Village.mkdir(tmp.resolve("a-out"))));
                b.s.members().add("Berta", Gender.WOMAN, null, null, null);
                // a valid bundle from B holding both authors' entries from the start
                good = b.export(Village.mkdir(tmp.resolve("good")), SyncService.Mode.FULL, null);
                bKey = b.s.workspace().log().identity().privateKey();
            }
            aDb = a.file();
        }
        try (Village x = Village.foundPlain(tmp, "x", SyncService.Options.DEFAULT)) {
            otherCoop = x.exportFull(Village.mkdir(tmp.resolve("x-out")));
        }
        hashBefore = Village.sha256(aDb);
        digestBefore = Village.digestOf(aDb);
        hashBefore = Village.sha256(aDb);
    }

    @AfterAll
    static void goodBundleStillImports() {
        try (Village a = Village.open(aDb, SyncService.Options.DEFAULT)) {
            assertTrue(a.sync.importBundle(good).newOps() > 0, "after all the refusals the good bundle imports");
        }
    }

    record Case(String name, ErrorCode expected, Supplier<byte[]> bytes) {
    }

    static byte[] goodBytes() {
        try {
            return Files.readAllBytes(good);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, byte[]> goodEntries() {
        try {
            return BundleForge.entries(good);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] withManifest(ManifestJson m) {
        Map<String, byte[]> e = goodEntries();
        e.put(BundleReader.MANIFEST, BundleForge.manifestBytes(m));
        return zip(e);
    }

    static byte[] zip(Map<String, byte[]> e) {
        try {
            return BundleForge.zip(e);
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    /// Offset of the first byte of the named entry's data in the file.
    static int dataOffset(byte[] zip, String name) {
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + 30 + n.length < zip.length; i++) {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 3 && zip[i + 3] == 4) {
                int nameLen = (zip[i + 26] & 0xFF) | (zip[i + 27] & 0xFF) << 8;
                int extra = (zip[i + 28] & 0xFF) | (zip[i + 29] & 0xFF) << 8;
                for (int k = 0; k < n.length; k++) {
                    if (zip[i + 30 + k] != n[k]) {
                        continue outer;
                    }
                }
                return i + 30 + nameLen + extra;
            }
        }
        throw new IllegalStateException("no entry " + name);
    }

    static List<Case> cases() {
        List<Case> cs = new ArrayList<>();
        int len = goodBytes().length;
        for (int cut : new int[] {0, 1, 2, 3, 4, 10, 29, 31, 64, len / 3, len / 2, len - 100, len - 23, len - 22, len - 2,
                len - 1}) {
            cs.add(new Case("truncated to " + cut + " bytes", ErrorCode.BUNDLE_TRUNCATED,
                    () -> java.util.Arrays.copyOf(goodBytes(), cut)));
        }
        for (int k = 0; k < 6; k++) {
            int kk = k;
            cs.add(new Case("bit flip " + k + " in the entries", ErrorCode.BUNDLE_TAMPERED, () -> {
                byte[] b = goodBytes();
                int at = dataOffset(b, BundleReader.OPS) + 5 + kk * 7;
                b[at] ^= (byte) (1 << kk);
                return b;
            }));
        }
        cs.add(new Case("bit flip in the manifest", ErrorCode.BUNDLE_TAMPERED, () -> {
            byte[] b = goodBytes();
            b[dataOffset(b, BundleReader.MANIFEST) + 9] ^= 0x10;
            return b;
        }));
        cs.add(new Case("garbage appended", ErrorCode.BUNDLE_TAMPERED, () -> {
            byte[] b = goodBytes();
            byte[] out = java.util.Arrays.copyOf(b, b.length + 100);
            for (int i = b.length; i < out.length; i++) {
                out[i] = (byte) (i * 31);
            }
            return out;
        }));
        cs.add(new Case("head signatures swapped between authors", ErrorCode.BUNDLE_TAMPERED, () -> {
            ManifestJson m = BundleForge.manifest(goodEntries());
            var r0 = m.authors().get(0);
            var r1 = m.authors().get(1);
            List<ManifestJson.AuthorRange> rs = List.of(
                    new ManifestJson.AuthorRange(r0.replica(), r0.fromSeq(), r0.toSeq(), r0.prev(),
                            new ManifestJson.Head(r0.head().seq(), r0.head().hash(), r1.head().signature())),
                    new ManifestJson.AuthorRange(r1.replica(), r1.fromSeq(), r1.toSeq(), r1.prev(),
                            new ManifestJson.Head(r1.head().seq(), r1.head().hash(), r0.head().signature())));
            return withManifest(BundleForge.resign(copy(m, m.format(), m.coop(), rs), bKey));
        }));
        cs.add(new Case("sender signature stripped", ErrorCode.BUNDLE_TAMPERED,
                () -> withManifest(BundleForge.manifest(goodEntries()).withSignature(""))));
        cs.add(new Case("sender signature of another statement", ErrorCode.BUNDLE_TAMPERED, () -> {
            ManifestJson m = BundleForge.manifest(goodEntries());
            ManifestJson other = new ManifestJson(m.format(), m.coop(), m.sender(), m.createdAt() + 1, m.versionVector(),
                    m.authors(), m.keys(), m.opCount(), m.opsSha256(), m.signature());
            return withManifest(other);
        }));
        cs.add(new Case("head signature stripped", ErrorCode.BUNDLE_TAMPERED, () -> {
            ManifestJson m = BundleForge.manifest(goodEntries());
            List<ManifestJson.AuthorRange> rs = new ArrayList<>(m.authors());
            var r0 = rs.getFirst();
            rs.set(0, new ManifestJson.AuthorRange(r0.replica(), r0.fromSeq(), r0.toSeq(), r0.prev(),
                    new ManifestJson.Head(r0.head().seq(), r0.head().hash(), "")));
            return withManifest(BundleForge.resign(copy(m, m.format(), m.coop(), rs), bKey));
        }));
        cs.add(new Case("an entry changed and re-hashed, manifest re-signed by the sender", ErrorCode.BUNDLE_TAMPERED,
                () -> {
                    try {
                        Map<String, byte[]> e = goodEntries();
                        List<byte[]> lines = BundleForge.lines(e.get(BundleReader.OPS));
                        int idx = 0;
                        while (!new String(lines.get(idx), StandardCharsets.UTF_8).contains("\"amount\":500")) {
                            idx++;
                        }
                        return BundleForge.rewriteOp(e, idx, "\"amount\":500", "\"amount\":900", bKey);
                    } catch (Exception ex) {
                        throw new IllegalStateException(ex);
                    }
                }));
        cs.add(new Case("another cooperative's bundle", ErrorCode.BUNDLE_WRONG_COOPERATIVE, () -> {
            try {
                return Files.readAllBytes(otherCoop);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
        cs.add(new Case("unknown newer format", ErrorCode.BUNDLE_TOO_NEW, () -> {
            ManifestJson m = BundleForge.manifest(goodEntries());
            return withManifest(copy(m, ManifestJson.FORMAT + 1, m.coop(), m.authors()));
        }));
        cs.add(new Case("format 1, before files carried keys", ErrorCode.BUNDLE_TOO_OLD, () -> {
            ManifestJson m = BundleForge.manifest(goodEntries());
            return withManifest(copy(m, 1, m.coop(), m.authors()));
        }));
        cs.add(new Case("downgraded format", ErrorCode.BUNDLE_TAMPERED, () -> {
            ManifestJson m = BundleForge.manifest(goodEntries());
            return withManifest(copy(m, 0, m.coop(), m.authors()));
        }));
        cs.add(new Case("zip-slip name beside the two entries", ErrorCode.BUNDLE_UNREADABLE, () -> {
            Map<String, byte[]> e = goodEntries();
            return BundleForge.rawZip(List.of(Map.entry("../../evil.sh", "rm -rf /".getBytes(StandardCharsets.UTF_8)),
                    Map.entry(BundleReader.MANIFEST, e.get(BundleReader.MANIFEST)),
                    Map.entry(BundleReader.OPS, e.get(BundleReader.OPS))));
        }));
        cs.add(new Case("zip-slip name instead of an entry", ErrorCode.BUNDLE_UNREADABLE, () -> {
            Map<String, byte[]> e = goodEntries();
            return BundleForge.rawZip(List.of(Map.entry(BundleReader.MANIFEST, e.get(BundleReader.MANIFEST)),
                    Map.entry("../" + BundleReader.OPS, e.get(BundleReader.OPS))));
        }));
        cs.add(new Case("duplicate entry names", ErrorCode.BUNDLE_UNREADABLE, () -> {
            Map<String, byte[]> e = goodEntries();
            return BundleForge.rawZip(List.of(Map.entry(BundleReader.MANIFEST, e.get(BundleReader.MANIFEST)),
                    Map.entry(BundleReader.MANIFEST, e.get(BundleReader.MANIFEST))));
        }));
        cs.add(new Case("duplicate entry names, three entries", ErrorCode.BUNDLE_UNREADABLE, () -> {
            Map<String, byte[]> e = goodEntries();
            return BundleForge.rawZip(List.of(Map.entry(BundleReader.MANIFEST, e.get(BundleReader.MANIFEST)),
                    Map.entry(BundleReader.OPS, e.get(BundleReader.OPS)),
                    Map.entry(BundleReader.OPS, e.get(BundleReader.OPS))));
        }));
        cs.add(new Case("zip bomb (a manifest inflating to 64 MB)", ErrorCode.BUNDLE_TOO_LARGE, () -> {
            Map<String, byte[]> e = new LinkedHashMap<>();
            byte[] spaces = new byte[64 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            e.put(BundleReader.MANIFEST, spaces);
            e.put(BundleReader.OPS, new byte[0]);
            return zip(e);
        }));
        cs.add(new Case("zip bomb (an entry line inflating to 64 MB)", ErrorCode.BUNDLE_TOO_LARGE, () -> {
            Map<String, byte[]> e = goodEntries();
            byte[] big = new byte[64 << 20];
            java.util.Arrays.fill(big, (byte) '[');
            e.put(BundleReader.OPS, big);
            return zip(e);
        }));
        cs.add(new Case("deeply nested manifest", ErrorCode.BUNDLE_UNREADABLE, () -> {
            Map<String, byte[]> e = goodEntries();
            e.put(BundleReader.MANIFEST, ("{\"format\":1,\"coop\":" + "[".repeat(5000) + "]".repeat(5000) + "}")
                    .getBytes(StandardCharsets.US_ASCII));
            return zip(e);
        }));
        cs.add(new Case("huge manifest", ErrorCode.BUNDLE_TOO_LARGE, () -> {
            Map<String, byte[]> e = goodEntries();
            StringBuilder sb = new StringBuilder("{\"format\":1,\"x\":[");
            for (int i = 0; i < 2_600_000; i++) {
                sb.append("1,");
            }
            sb.append("1]}");
            e.put(BundleReader.MANIFEST, sb.toString().getBytes(StandardCharsets.US_ASCII));
            return zip(e);
        }));
        cs.add(new Case("deeply nested entry, re-signed by the sender", ErrorCode.BUNDLE_TAMPERED, () -> {
            try {
                Map<String, byte[]> e = goodEntries();
                List<byte[]> lines = BundleForge.lines(e.get(BundleReader.OPS));
                String last = new String(lines.getLast(), StandardCharsets.UTF_8);
                String from = last.substring(last.indexOf("\"data\":") + 7, last.length() - 1);
                String deep = "{\"x\":" + "[".repeat(500) + "]".repeat(500) + "}";
                return BundleForge.rewriteOp(e, lines.size() - 1, from, deep, bKey);
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        }));
        cs.add(new Case("empty file", ErrorCode.BUNDLE_TRUNCATED, () -> new byte[0]));
        cs.add(new Case("a photo renamed .minka", ErrorCode.BUNDLE_UNREADABLE, () -> {
            byte[] png = new byte[4096];
            new Random(7).nextBytes(png);
            byte[] magic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
            System.arraycopy(magic, 0, png, 0, magic.length);
            return png;
        }));
        cs.add(new Case("a text file renamed .minka", ErrorCode.BUNDLE_UNREADABLE,
                () -> "hello, this is not a sync file\n".getBytes(StandardCharsets.UTF_8)));
        return cs;
    }

    static long archived() throws java.io.IOException {
        Path dir = aDb.resolveSibling("received");
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (var s = Files.list(dir)) {
            return s.count();
        }
    }

    static ManifestJson copy(ManifestJson m, int format, ManifestJson.Party coop, List<ManifestJson.AuthorRange> rs) {
        return new ManifestJson(format, coop, m.sender(), m.createdAt(), new TreeMap<>(m.versionVector()), rs,
                m.keys(), m.opCount(), m.opsSha256(), m.signature());
    }

    @TestFactory
    List<DynamicTest> everyBadBundleIsRefusedWholeAndChangesNothing() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Path dir = Village.mkdir(tmp.resolve("bad"));
            Path f = BundleForge.write(dir, "bad-" + Math.abs(c.name().hashCode()) + ".minka", c.bytes().get());
            long archivedBefore = archived();
            try (Village a = Village.open(aDb, SyncService.Options.DEFAULT)) {
                MinkaException e = assertThrows(MinkaException.class, () -> a.sync.importBundle(f), c.name());
                assertEquals(c.expected(), e.code(), c.name() + ": " + e);
                for (Locale l : List.of(Locale.ENGLISH, Locale.of("es"), Locale.FRENCH, Locale.of("pt"))) {
                    String text = ErrorMessages.oneLine(e, l);
                    assertFalse(text.startsWith(e.code().name()), "catalogued in " + l + ": " + text);
                }
            }
            assertFalse(Files.exists(aDb.resolveSibling(aDb.getFileName() + "-wal"))
                    && Files.size(aDb.resolveSibling(aDb.getFileName() + "-wal")) > 0, "nothing pending in the WAL");
            assertEquals(hashBefore, Village.sha256(aDb), c.name() + ": database file unchanged");
            assertEquals(digestBefore, Village.digestOf(aDb), c.name() + ": state unchanged");
            assertEquals(archivedBefore, archived(), "a refused bundle is not archived");
        })).toList();
    }
}
