package io.counterweight.app.common;

import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** Shows each error as an alert dialog with its one-line message; unexpected ones are also logged. */
public final class AlertErrorReporter implements ErrorReporter {
    private static final System.Logger LOG = System.getLogger(AlertErrorReporter.class.getName());
    private final java.util.function.Supplier<Window> owner;

    public AlertErrorReporter(java.util.function.Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public void report(Throwable error) {
        if (!(ErrorReporter.unwrap(error) instanceof io.counterweight.core.CounterweightException)) {
            LOG.log(System.Logger.Level.ERROR, "unexpected error", error);
        }
        String message = ErrorReporter.userMessage(error);
        if (!Platform.isFxApplicationThread()) {
            Platform.runLater(() -> show(message));
        } else {
            show(message);
        }
    }

    private void show(String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        alert.setTitle("Counterweight");
        alert.setHeaderText(null);
        Window w = owner.get();
        if (w != null) alert.initOwner(w);
        alert.getDialogPane().setMinWidth(480);
        alert.show(); // not showAndWait: an error must never block the FX thread inside a callback
    }
}
