package io.counterweight.app.window;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;

/** The window's stylesheets in their order: the base, presenter mode's sizes and contrast, the dark theme's colours. */
public final class Stylesheets {
    public static final String BASE = "/assets/counterweight.css";
    public static final String PRESENTER = "/assets/presenter.css";
    public static final String DARK = "/assets/dark.css";

    private Stylesheets() { }

    public static String url(String resource) {
        return Stylesheets.class.getResource(resource).toExternalForm();
    }

    public static void apply(Scene scene, boolean presenter, boolean dark) {
        List<String> sheets = new ArrayList<>(List.of(url(BASE)));
        if (presenter) sheets.add(url(PRESENTER));
        if (dark) sheets.add(url(DARK));
        if (!scene.getStylesheets().equals(sheets)) scene.getStylesheets().setAll(sheets);
    }
}
