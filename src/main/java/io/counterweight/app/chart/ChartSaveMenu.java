package io.counterweight.app.chart;

import io.counterweight.app.common.BackgroundJob;
import io.counterweight.app.common.TaskExecutor;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.FileChooser;

/**
 * The context menu of every chart and heatmap: "Save as PNG (1×)" and "Save as PNG (2× for slides)". The node is
 * snapshot on the FX thread; its pixels are encoded and written as a background job.
 */
public final class ChartSaveMenu {
    private final TaskExecutor executor;
    private File lastFolder;

    public ChartSaveMenu(TaskExecutor executor) {
        this.executor = executor;
    }

    /** Adds the menu to {@code node}; {@code name} is the suggested file name without ".png". */
    public void install(Node node, String name) {
        MenuItem one = new MenuItem("Save as PNG (1×)…");
        MenuItem two = new MenuItem("Save as PNG (2× for slides)…");
        one.setOnAction(e -> save(node, name, 1));
        two.setOnAction(e -> save(node, name + "@2x", 2));
        ContextMenu menu = new ContextMenu(one, two);
        // a secondary click opens it: context-menu events are not delivered on every platform (Monocle, bare X servers)
        node.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() != MouseButton.SECONDARY) return;
            if (menu.isShowing()) menu.hide(); // shown again at the new place
            menu.show(node, e.getScreenX(), e.getScreenY());
            e.consume();
        });
    }

    private void save(Node node, String name, int scale) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save chart as PNG (" + scale + "×)");
        chooser.setInitialFileName(name + ".png");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        if (lastFolder != null && lastFolder.isDirectory()) chooser.setInitialDirectory(lastFolder);
        File file = chooser.showSaveDialog(node.getScene().getWindow());
        if (file == null) return;
        lastFolder = file.getParentFile();
        save(node, file.toPath(), scale);
    }

    /** Snapshots {@code node} now (FX thread) and writes it to {@code file} in the background. */
    public void save(Node node, Path file, int scale) {
        BufferedImage image = NodePng.toBufferedImage(NodePng.snapshot(node, scale));
        BackgroundJob.of("Saving " + file.getFileName(), ctx -> {
            NodePng.write(image, file);
            return file;
        }).executeWith(executor);
    }
}
