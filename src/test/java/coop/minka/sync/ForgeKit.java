package coop.minka.sync;

import coop.minka.domain.Hlc;
import coop.minka.domain.Ids;
import coop.minka.domain.Op;
import coop.minka.domain.OpData;
import coop.minka.domain.OpType;
import coop.minka.store.Keys;
import coop.minka.store.OpCodec;
import coop.minka.sync.format.ManifestJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/// A test-only forging kit: writes **correctly signed** sync files with any key pair, any author
/// id, any seq / prev / clock, any entry type, entity and data, any sender and version vector.
/// It is what an attacker who read `docs/bundle-format.md` can do, so the attack tests can show
/// that the *rules* — not the file checks — stop them.
///
/// Everything goes through the production codecs ([OpCodec#create], [Keys], [ManifestCodec],
/// [ManifestJson#signedStatement]), so a change of the format changes what is forged with it.
///
/// ```java
/// ForgeKit.Author h = ForgeKit.Author.fresh();                 // key pair + the id it derives
/// ForgeKit.Chain c = new ForgeKit.Chain(h, coopId);
/// c.join("Hostile laptop");                                      // seq 1, replica.join
/// c.append(OpType.TX_POST, ForgeKit.ownedId(h.id()), data);    // seq 2 …
/// Path f = ForgeKit.file(coopId, coopName).sender(h).range(c.all()).write(dir);
/// ```
final class ForgeKit {
    private ForgeKit() {
    }

    // ------------------------------------------------------------------ ids

    /// The id a laptop with this public key has (design-notes 10).
    static String replicaIdFor(byte[] publicKey) {
        return Ids.replicaIdFor(publicKey);
    }

    /// A new entity id owned by `author` (design-notes 10): what an honest laptop would make.
    static String ownedId(String author) {
        return Ids.owned(author, System.currentTimeMillis());
    }

    // ------------------------------------------------------------------ authors

    /// A laptop identity as the forger holds it: the id it claims and the key pair it signs with.
    /// The id need not derive from the key (that is the point of some attacks).
    record Author(String id, KeyPair keys) {
        /// A new key pair and the id it derives: a laptop that could be honestly admitted.
        static Author fresh() {
            KeyPair kp = Keys.generate();
            return new Author(replicaIdFor(kp.getPublic().getEncoded()), kp);
        }

        /// A new key pair claiming someone else's id: an impostor.
        static Author claiming(String id) {
            return new Author(id, Keys.generate());
        }

        /// The real identity of a laptop in a test (its own private key, as a thief would have it).
        static Author of(Village v) {
            var id = v.s.workspace().log().identity();
            return new Author(id.replicaId(), new KeyPair(Keys.publicKey(id.publicKey()), id.privateKey()));
        }

        byte[] publicKey() {
            return keys.getPublic().getEncoded();
        }

        String keyBase64() {
            return Base64.getEncoder().encodeToString(publicKey());
        }

        /// The fingerprint a treasurer reads out on the phone.
        String fingerprint() {
            return Keys.fingerprint(publicKey());
        }

        PrivateKey privateKey() {
            return keys.getPrivate();
        }
    }

    // ------------------------------------------------------------------ chains

    /// One author's hash chain as the forger writes it: every entry is made with [OpCodec#create]
    /// (canonical bytes, `hash = SHA-256(prev ‖ body)`), so it is exactly what a laptop would
    /// write — only the content is chosen freely.
    static final class Chain {
        final Author author;
        final String coopId;
        /// Entries from `firstSeq` on (earlier ones, if any, are held elsewhere).
        final List<Op> ops = new ArrayList<>();
        private final long firstSeq;
        private final byte[] firstPrev;
        private long hlc;

        /// An empty chain: the next entry is seq 1.
        Chain(Author author, String coopId) {
            this(author, coopId, 0, OpCodec.NO_PREV, 0);
        }

        /// A chain continuing after entry `seq` whose hash is `hash`, with the clock at `hlc`.
        Chain(Author author, String coopId, long seq, byte[] hash, long hlc) {
            this.author = author;
            this.coopId = coopId;
            this.firstSeq = seq + 1;
            this.firstPrev = hash.clone();
            this.hlc = hlc;
        }

        /// The chain state as it is now, to go back to ([#reset]).
        record Mark(int size, long hlc) {
        }

        Mark mark() {
            return new Mark(ops.size(), hlc);
        }

        /// Forgets every entry written after `m`.
        void reset(Mark m) {
            ops.subList(m.size(), ops.size()).clear();
            hlc = m.hlc();
        }

        long seq() {
            return firstSeq - 1 + ops.size();
        }

        byte[] headHash() {
            return ops.isEmpty() ? firstPrev.clone() : ops.getLast().hash().clone();
        }

        long hlc() {
            return hlc;
        }

        /// The entry at `seq` (which this chain wrote).
        Op at(long seq) {
            return ops.get((int) (seq - firstSeq));
        }

        /// `replica.join` for this author with its own key (its first entry).
        Op join(String name) {
            return append(OpType.REPLICA_JOIN, author.id(), OpData.builder().put("name", name)
                    .put("key", author.keyBase64()).build());
        }

        /// The next entry, stamped with the wall clock (or just after the last stamp).
        Op append(String type, String entity, OpData data) {
            return appendAt(Hlc.next(hlc, System.currentTimeMillis()), type, entity, data);
        }

        /// The next entry with a chosen clock stamp (far ahead, far behind, anything).
        Op appendAt(long stamp, String type, String entity, OpData data) {
            return appendAs(author.id(), stamp, type, entity, data);
        }

        /// The next link of this chain, but with another `replica` written in the body (an entry
        /// claiming to be someone else's inside this author's range).
        Op appendAs(String replicaInBody, long stamp, String type, String entity, OpData data) {
            Op op = OpCodec.create(replicaInBody, seq() + 1, headHash(), stamp, type, entity, data);
            ops.add(op);
            hlc = Math.max(hlc, stamp);
            return op;
        }

        /// Every entry this chain wrote, signed at its last.
        Range all() {
            return range(firstSeq, seq());
        }

        /// Entries `from..to` with the author's signed head at `to`.
        Range range(long from, long to) {
            return range(from, to, author.privateKey());
        }

        /// Entries `from..to` with a head at `to` signed by `signer` (a wrong key, for some attacks).
        Range range(long from, long to, PrivateKey signer) {
            if (from < firstSeq || to > seq() || from > to) {
                throw new IllegalArgumentException("no entries " + from + ".." + to + " in " + firstSeq + ".." + seq());
            }
            List<Op> slice = List.copyOf(ops.subList((int) (from - firstSeq), (int) (to - firstSeq + 1)));
            byte[] prev = from == firstSeq ? firstPrev.clone() : at(from - 1).hash();
            byte[] head = slice.getLast().hash();
            byte[] sig = Keys.sign(signer, Keys.headMessage(coopId, author.id(), to, head));
            return new Range(author, from, to, prev, slice, head, sig);
        }
    }

    /// What one author range of a file carries: the entries, the `prev` before them and the
    /// signed head at the last.
    record Range(Author author, long from, long to, byte[] prev, List<Op> ops, byte[] headHash, byte[] headSignature) {
    }

    // ------------------------------------------------------------------ files

    /// Starts a file of cooperative `coopId`.
    static FileBuilder file(String coopId, String coopName) {
        return new FileBuilder(coopId, coopName);
    }

    /// The same, for the cooperative a test laptop holds.
    static FileBuilder fileFor(Village v) {
        var c = v.s.workspace().coop();
        return new FileBuilder(c.id(), c.name());
    }

    /// A sync file being forged. The version vector defaults to each range's last seq (and the
    /// sender's own chain if given); [#versionVector] replaces or extends it with any numbers.
    static final class FileBuilder {
        private final String coopId;
        private final String coopName;
        private Author sender;
        private String senderName = "Forged laptop";
        private PrivateKey signer;
        private final List<Range> ranges = new ArrayList<>();
        private final SortedMap<String, Long> vv = new TreeMap<>();
        /// The `keys` of the manifest (format 2): by default the sender's and every range author's
        /// own public key; [#key] puts any key under any id.
        private final SortedMap<String, String> keys = new TreeMap<>();
        private long createdAt = System.currentTimeMillis();
        private int format = ManifestJson.FORMAT;

        private FileBuilder(String coopId, String coopName) {
            this.coopId = coopId;
            this.coopName = coopName;
        }

        /// Who the manifest says wrote the file; it is signed with this author's key unless
        /// [#signedBy] says otherwise.
        FileBuilder sender(Author a, String name) {
            this.sender = a;
            this.senderName = name;
            keys.putIfAbsent(a.id(), a.keyBase64());
            return this;
        }

        FileBuilder sender(Author a) {
            return sender(a, senderName);
        }

        /// Signs the manifest with another key than the sender's.
        FileBuilder signedBy(PrivateKey key) {
            this.signer = key;
            return this;
        }

        FileBuilder range(Range r) {
            ranges.add(r);
            keys.putIfAbsent(r.author().id(), r.author().keyBase64());
            vv.merge(r.author().id(), r.to(), Math::max);
            return this;
        }

        /// Puts `publicKey` in the manifest's keys under `id` (replacing the default).
        FileBuilder key(String id, byte[] publicKey) {
            keys.put(id, Base64.getEncoder().encodeToString(publicKey));
            return this;
        }

        /// Leaves `id` out of the manifest's keys.
        FileBuilder withoutKey(String id) {
            keys.remove(id);
            return this;
        }

        /// Sets version-vector entries (an acknowledgement of anything).
        FileBuilder versionVector(Map<String, Long> entries) {
            vv.putAll(entries);
            return this;
        }

        FileBuilder createdAt(long millis) {
            this.createdAt = millis;
            return this;
        }

        FileBuilder format(int f) {
            this.format = f;
            return this;
        }

        /// The signed manifest and the entries, as the two ZIP entries of a `.minka` file.
        Map<String, byte[]> entries() {
            if (sender == null) {
                throw new IllegalStateException("no sender");
            }
            List<Range> sorted = new ArrayList<>(ranges);
            sorted.sort(java.util.Comparator.comparing(r -> r.author().id()));
            java.io.ByteArrayOutputStream ops = new java.io.ByteArrayOutputStream();
            List<ManifestJson.AuthorRange> wire = new ArrayList<>();
            HexFormat hex = HexFormat.of();
            long count = 0;
            for (Range r : sorted) {
                for (Op op : r.ops()) {
                    ops.writeBytes(op.body());
                    ops.write('\n');
                    count++;
                }
                wire.add(new ManifestJson.AuthorRange(r.author().id(), r.from(), r.to(), hex.formatHex(r.prev()),
                        new ManifestJson.Head(r.to(), hex.formatHex(r.headHash()),
                                Base64.getEncoder().encodeToString(r.headSignature()))));
            }
            SortedMap<String, Long> v = new TreeMap<>(vv);
            v.putIfAbsent(sender.id(), 1L);
            byte[] opsBytes = ops.toByteArray();
            ManifestJson m = new ManifestJson(format, new ManifestJson.Party(coopId, coopName),
                    new ManifestJson.Party(sender.id(), senderName), createdAt, v, List.copyOf(wire),
                    new TreeMap<>(keys), count,
                    hex.formatHex(OpCodec.sha256().digest(opsBytes)), "");
            PrivateKey key = signer != null ? signer : sender.privateKey();
            byte[] sig = Keys.sign(key, m.signedStatement().getBytes(StandardCharsets.UTF_8));
            m = m.withSignature(Base64.getEncoder().encodeToString(sig));
            Map<String, byte[]> out = new LinkedHashMap<>();
            out.put(BundleReader.OPS, opsBytes);
            out.put(BundleReader.MANIFEST, ManifestCodec.write(m));
            return out;
        }

        byte[] bytes() {
            try {
                return BundleForge.zip(entries());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private boolean encrypt = true;

        /// Leaves the forged ZIP plain (a plain file for a cooperative that encrypts).
        FileBuilder plain() {
            encrypt = false;
            return this;
        }

        /// Writes the file under a new name in `dir`, encrypted (like every sync file of the test
        /// cooperatives) to the laptops made under that folder.
        Path write(Path dir) {
            try {
                Files.createDirectories(dir);
                Path f = Files.write(Files.createTempFile(dir, "forged-", ".minka"), bytes());
                return encrypt ? Village.seal(f) : f;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
