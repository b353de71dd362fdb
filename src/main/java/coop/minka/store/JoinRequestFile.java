package coop.minka.store;

import coop.minka.domain.ErrorCode;
import coop.minka.domain.Ids;
import coop.minka.domain.MinkaException;
import coop.minka.domain.OpRules;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.Optional;

/// A join request (design-notes item 28): a new laptop's public keys and name, carried to an
/// admitted laptop on a stick so that it can write a full file the new laptop can decrypt
/// (`minka join --request`, then `minka sync export --full --request FILE`). The request holds
/// nothing secret; the new laptop keeps its private keys beside the database it will create
/// (`minka.db.pending-identity`) until it joins.
public final class JoinRequestFile {
    static final String FORMAT = "minka-join-request-1";

    /// What the file holds. `key` is the Ed25519 public key (X.509, Base64); the laptop's id
    /// derives from it; `recipient` is its age X25519 recipient.
    public record Request(String format, String name, String replica, String key, String recipient) {
        public String fingerprint() {
            return Keys.fingerprint(Base64.getDecoder().decode(key));
        }
    }

    /// The private half kept beside the future database.
    record Pending(int format, String replicaId, String publicKey, String privateKey, String ageIdentity,
                   String ageRecipient) {
    }

    private JoinRequestFile() {
    }

    public static Path pendingPathFor(Path database) {
        return database.resolveSibling(database.getFileName() + ".pending-identity");
    }

    /// The identity made by an earlier join request for `database`, if any.
    public static Optional<Identity> pending(Path database) {
        Path p = pendingPathFor(database);
        if (!Files.isRegularFile(p)) {
            return Optional.empty();
        }
        try {
            Pending j = OpCodec.mapper().readValue(Files.readAllBytes(p), Pending.class);
            return Optional.of(new Identity(j.replicaId(), Base64.getDecoder().decode(j.publicKey()),
                    Keys.privateKey(Base64.getDecoder().decode(j.privateKey())), j.ageIdentity(), j.ageRecipient()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /// Keeps a new identity beside the future `database` (readable by its owner only).
    public static void keepPending(Path database, Identity id) {
        Path p = pendingPathFor(database);
        Pending j = new Pending(1, id.replicaId(), Base64.getEncoder().encodeToString(id.publicKey()),
                Base64.getEncoder().encodeToString(id.privateKey().getEncoded()), id.ageIdentity(), id.ageRecipient());
        try {
            Files.deleteIfExists(p);
            RecoveryKeyFile.createPrivate(p);
            Files.write(p, OpCodec.mapper().writeValueAsBytes(j), StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new MinkaException(ErrorCode.CANNOT_WRITE, e, p);
        }
    }

    public static void forgetPending(Path database) {
        try {
            Files.deleteIfExists(pendingPathFor(database));
        } catch (IOException ignored) {
            // the database now holds the identity; a left-over file is harmless and replaced by the next request
        }
    }

    /// Writes the request for `id` to the new file `out`.
    public static Request write(Path out, String name, Identity id) {
        Request r = new Request(FORMAT, name, id.replicaId(), Base64.getEncoder().encodeToString(id.publicKey()),
                id.ageRecipient());
        try {
            Files.write(out, OpCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(r),
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new MinkaException(ErrorCode.FILE_EXISTS, e, out);
        } catch (IOException e) {
            throw new MinkaException(ErrorCode.CANNOT_WRITE, e, out);
        }
        return r;
    }

    /// Reads and checks a request: its format, a real Ed25519 key the laptop id derives from, an
    /// age recipient and a name. Anything else is `JOIN_REQUEST_UNREADABLE`.
    public static Request read(Path file) {
        try {
            if (Files.size(file) > 64 * 1024) {
                throw new IOException("too large");
            }
            Request r = OpCodec.mapper().readValue(Files.readAllBytes(file), Request.class);
            byte[] key = Base64.getDecoder().decode(r.key());
            Keys.publicKey(key);
            if (!FORMAT.equals(r.format()) || r.name() == null || r.name().isBlank() || r.name().length() > 200
                    || !Ids.replicaIdFor(key).equals(r.replica()) || !OpRules.isRecipient(r.recipient())) {
                throw new IOException("not a join request");
            }
            return r;
        } catch (IOException | RuntimeException e) {
            throw new MinkaException(ErrorCode.JOIN_REQUEST_UNREADABLE, e, file);
        }
    }
}
