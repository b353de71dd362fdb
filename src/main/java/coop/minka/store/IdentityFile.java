package coop.minka.store;

import coop.minka.domain.ErrorCode;
import coop.minka.domain.MinkaException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;

/// The replica identity kept beside the database (`minka.db.identity`): replica id and
/// private key, bound to the database's own id, the file's path and the last seq this identity
/// wrote. A database that was copied elsewhere or restored from an older copy no longer
/// matches, so it gets a new identity and two laptops never write as one (DESIGN.md §5).
public final class IdentityFile {
    /// On-disk form; a separate DTO so the file format stays put when the model changes.
    record Json(int format, String databaseId, String databasePath, String replicaId, String publicKey,
                String privateKey, long lastSeq, String ageIdentity, String ageRecipient) {
        /// The identity held; a file written before encryption keys existed gets a new pair.
        Identity identity() {
            Identity id = new Identity(replicaId, Base64.getDecoder().decode(publicKey),
                    Keys.privateKey(Base64.getDecoder().decode(privateKey)), ageIdentity, ageRecipient);
            return ageIdentity == null || ageRecipient == null ? id.withAgeKeys(Keys.generateAge()) : id;
        }

        boolean lacksAgeKeys() {
            return ageIdentity == null || ageRecipient == null;
        }
    }

    private IdentityFile() {
    }

    public static Path pathFor(Path database) {
        return database.resolveSibling(database.getFileName() + ".identity");
    }

    /// The stored identity if it belongs to this very database file and is not behind it.
    public static Optional<Identity> load(Path database, String databaseId, long ownSeqInDatabase) {
        Path p = pathFor(database);
        if (!Files.isRegularFile(p)) {
            return Optional.empty();
        }
        try {
            Json j = OpCodec.mapper().readValue(Files.readAllBytes(p), Json.class);
            boolean same = databaseId.equals(j.databaseId())
                    && canonical(database).equals(j.databasePath())
                    && ownSeqInDatabase >= j.lastSeq();
            if (!same) {
                return Optional.empty();
            }
            Identity id = j.identity();
            if (j.lacksAgeKeys()) {
                save(database, databaseId, id, j.lastSeq()); // an older identity file gets its encryption keys once
            }
            return Optional.of(id);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /// The identity stored beside `database`, whatever database it was made for (to let an old
    /// identity vouch for the new one of a restored or copied file), with the last seq it wrote.
    public static Optional<Identity> loadAny(Path database) {
        return read(database).map(Json::identity);
    }

    /// The last seq the identity beside `database` says it wrote, if that identity is `replica`.
    public static Optional<Long> lastSeqOf(Path database, String replica) {
        return read(database).filter(j -> replica.equals(j.replicaId())).map(Json::lastSeq);
    }

    private static Optional<Json> read(Path database) {
        Path p = pathFor(database);
        if (!Files.isRegularFile(p)) {
            return Optional.empty();
        }
        try {
            return Optional.of(OpCodec.mapper().readValue(Files.readAllBytes(p), Json.class));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /// Writes the identity through a temporary file and an atomic rename.
    public static void save(Path database, String databaseId, Identity id, long lastSeq) {
        Json j = new Json(1, databaseId, canonical(database), id.replicaId(),
                Base64.getEncoder().encodeToString(id.publicKey()),
                Base64.getEncoder().encodeToString(id.privateKey().getEncoded()), lastSeq, id.ageIdentity(),
                id.ageRecipient());
        Path target = pathFor(database);
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            Files.write(tmp, OpCodec.mapper().writeValueAsBytes(j));
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system (Windows): the user profile folder protects it
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new MinkaException(ErrorCode.CANNOT_WRITE, e, target);
        }
    }

    private static String canonical(Path p) {
        try {
            return p.toRealPath().toString();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize().toString();
        }
    }
}
