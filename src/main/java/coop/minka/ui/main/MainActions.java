package coop.minka.ui.main;

import java.nio.file.Path;
import java.util.function.Consumer;

/// What the menus and shortcuts of the main window do, wired by the composition root.
public record MainActions(Runnable newMember, Runnable findMember, Runnable logWork, Runnable workDay,
                          Runnable newTransaction, Runnable syncFolder, Runnable importFile, Runnable exportFile,
                          Consumer<Path> importDropped, Runnable toggleTheme, Runnable biggerText,
                          Runnable smallerText, Runnable about, Runnable quit) {
}
