package coop.minka.ui.common;

import java.nio.file.Path;
import java.util.Optional;

/// The questions a ViewModel may ask the user. The desktop app shows real dialogs; tests give
/// scripted answers.
public interface DialogService {
    /// Asks yes/no; true when the user chose `action`.
    boolean confirm(String title, String message, String action);

    /// Asks for one line of text (a reason, a name); empty when cancelled.
    Optional<String> askText(String title, String message, String action);

    /// Shows another laptop's key fingerprint, in groups of four, to compare by phone or in
    /// person; true when the user confirms it matches.
    boolean confirmFingerprint(String title, String laptopName, String fingerprint);

    /// A second person's name and PIN, for a change that needs two people.
    record SecondPerson(String name, String pin) {
    }

    /// Asks for the second person of a dual-control change: their name (one of `names`) and PIN;
    /// empty when cancelled.
    Optional<SecondPerson> askSecondPerson(String title, String message, java.util.List<String> names);

    /// Picks an existing file; `extension` like `minka`, or null for any file.
    Optional<Path> openFile(String title, String extension);

    /// Picks where to save a new file.
    Optional<Path> saveFile(String title, String suggestedName);

    /// Picks a folder (a USB stick or a shared folder).
    Optional<Path> chooseFolder(String title);

    /// Opens a file just made (a PDF) in the computer's own viewer. Called off the FX thread: it
    /// may take a moment; throws `CANNOT_OPEN_FILE`-like errors as a [coop.minka.domain.MinkaException].
    void openDocument(Path file);
}
