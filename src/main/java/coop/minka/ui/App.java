package coop.minka.ui;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/// The desktop app. Started by [coop.minka.Main] with the database path.
public final class App extends Application {
    private static volatile Path databasePath;

    public static void launchApp(Path database, String[] args) {
        databasePath = database;
        Application.launch(App.class);
    }

    @Override
    public void start(Stage stage) {
        Label label = new Label("Minka — " + databasePath);
        stage.setScene(new Scene(new VBox(label), 800, 600));
        stage.setTitle("Minka");
        stage.show();
    }
}
