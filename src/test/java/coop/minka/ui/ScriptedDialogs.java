package coop.minka.ui;

import coop.minka.ui.common.DialogService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/// Dialog answers given by the test beforehand; every question asked is recorded.
public final class ScriptedDialogs implements DialogService {
    public boolean confirmAnswer = true;
    public Optional<String> textAnswer = Optional.empty();
    public Optional<Path> fileAnswer = Optional.empty();
    public Optional<Path> folderAnswer = Optional.empty();
    /// The file picked when the screen opens one; null: the [#fileAnswer], as for saving.
    public Optional<Path> openAnswer;
    public final List<String> asked = new ArrayList<>();
    /// The message of each text question asked ([#askText]).
    public final List<String> textMessages = new ArrayList<>();
    /// The files the screen asked to open in the computer's viewer.
    public final List<Path> opened = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public boolean confirm(String title, String message, String action) {
        asked.add(title);
        return confirmAnswer;
    }

    @Override
    public Optional<String> askText(String title, String message, String action) {
        asked.add(title);
        textMessages.add(message);
        return textAnswer;
    }

    @Override
    public boolean confirmFingerprint(String title, String laptopName, String fingerprint) {
        asked.add(title + ": " + laptopName + " " + fingerprint);
        return confirmAnswer;
    }

    /// The second person given when a change needs two people; empty: cancelled.
    public Optional<SecondPerson> secondAnswer = Optional.empty();

    @Override
    public Optional<SecondPerson> askSecondPerson(String title, String message, List<String> names) {
        asked.add(title + ": " + String.join(", ", names));
        return secondAnswer;
    }

    @Override
    public Optional<Path> openFile(String title, String extension) {
        asked.add(title);
        return openAnswer != null ? openAnswer : fileAnswer;
    }

    @Override
    public Optional<Path> saveFile(String title, String suggestedName) {
        asked.add(title);
        return fileAnswer;
    }

    @Override
    public Optional<Path> chooseFolder(String title) {
        asked.add(title);
        return folderAnswer;
    }

    @Override
    public void openDocument(Path file) {
        opened.add(file);
    }
}
