package coop.minka.app;

import coop.minka.domain.ErrorCode;
import coop.minka.domain.MinkaException;
import coop.minka.domain.OpData;
import coop.minka.domain.OpType;
import coop.minka.store.KeyRepository;
import coop.minka.store.Keys;
import coop.minka.store.RecoveryKeyFile;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/// Sync files that are safe to lose (design-notes item 28): turning encryption on and off, the
/// cooperative's recovery key, and which laptops files are encrypted to. One door for both the
/// command line (`minka security …`) and the Settings screen.
public final class SecurityService {
    /// A laptop that counts, and whether files can be encrypted to it (it announced a key).
    public record Laptop(String id, String name, boolean hasKey) {
    }

    /// @param on               sync files are encrypted
    /// @param recovery         the public half of the recovery key (`age1…`), null if none yet
    /// @param recoveryKeptHere the secret recovery key is still kept on this laptop, not yet written out
    /// @param ownRecipient     this laptop's encryption key (`age1…`)
    /// @param laptops          the laptops that count, in the order they joined
    public record Status(boolean on, String recovery, boolean recoveryKeptHere, String ownRecipient,
                         List<Laptop> laptops) {
    }

    private final Workspace ws;

    public SecurityService(Workspace ws) {
        this.ws = ws;
    }

    public Status status() {
        KeyRepository.Encryption enc = ws.read(KeyRepository::encryption);
        List<Laptop> laptops = ws.read(KeyRepository::counted).stream()
                .map(r -> new Laptop(r.replica(), r.name(), r.recipient() != null
                        || r.replica().equals(ws.selfId()))).toList();
        return new Status(enc.on(), enc.recovery(), RecoveryKeyFile.kept(ws.file()).isPresent(),
                ws.log().identity().ageRecipient(), laptops);
    }

    /// Turns encryption on or off (a `coop.update` that syncs like any other change). Turning it
    /// on the first time makes the recovery key, kept on this laptop until it is written out.
    /// Appends nothing when nothing changes.
    public Status setEncryption(boolean on) {
        KeyRepository.Encryption enc = ws.read(KeyRepository::encryption);
        if (enc.on() == on) {
            return status();
        }
        OpData.Builder b = OpData.builder().put("encryption", on);
        Keys.AgePair recovery = on && enc.recovery() == null ? Keys.generateAge() : null;
        if (recovery != null) {
            Workspace.keepRecovery(ws.file(), ws.coop().name(), ws.coop().languages(), recovery);
            b.put("recovery", recovery.recipient());
        }
        String coopId = ws.coop().id();
        OpData data = b.build();
        ws.write(w -> w.append(OpType.COOP_UPDATE, coopId, MemberService.withBase(w, coopId, data)));
        return status();
    }

    /// `minka sync rotate-key` (design-notes item 29): replaces this laptop's keys; returns the new
    /// fingerprint.
    public String rotateKey() {
        return ws.rotateKey();
    }

    /// Writes the recovery key to the new file `out` (never over an existing one; readable by its
    /// owner only), in the standard age identity-file form, then removes the copy kept on this
    /// laptop. With `renew`, a new recovery key replaces the old one first (later files are
    /// encrypted to the new one; older files stay readable with the old one). Returns the public key.
    public String writeRecoveryKey(Path out, boolean renew) {
        KeyRepository.Encryption enc = ws.read(KeyRepository::encryption);
        if (!enc.on()) {
            throw new MinkaException(ErrorCode.ENCRYPTION_OFF);
        }
        if (Files.exists(out)) {
            throw new MinkaException(ErrorCode.FILE_EXISTS, out);
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new MinkaException(ErrorCode.FILE_NOT_FOUND, parent);
        }
        String secret;
        String recipient;
        if (renew) {
            Keys.AgePair pair = Keys.generateAge();
            secret = pair.identity();
            recipient = pair.recipient();
        } else {
            secret = RecoveryKeyFile.kept(ws.file())
                    .orElseThrow(() -> new MinkaException(ErrorCode.RECOVERY_KEY_GONE));
            recipient = enc.recovery();
        }
        try {
            // in the cooperative's language, like the assembly pack: the printout goes in its cash box
            RecoveryKeyFile.write(out, secret, Words.of(null, ws.coop()).t("recoveryFile.comment",
                    ws.coop().name().replace('\n', ' '), recipient));
        } catch (FileAlreadyExistsException e) {
            throw new MinkaException(ErrorCode.FILE_EXISTS, e, out);
        } catch (IOException e) {
            throw new MinkaException(ErrorCode.CANNOT_WRITE, e, out);
        }
        if (renew) {
            String coopId = ws.coop().id();
            OpData data = OpData.builder().put("recovery", recipient).build();
            ws.write(w -> w.append(OpType.COOP_UPDATE, coopId, MemberService.withBase(w, coopId, data)));
        }
        RecoveryKeyFile.forget(ws.file());
        return recipient;
    }
}
