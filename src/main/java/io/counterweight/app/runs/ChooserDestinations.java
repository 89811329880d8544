package io.counterweight.app.runs;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** {@link ExportDestinations} asked with the platform's file and folder choosers; each starts where the last ended. */
final class ChooserDestinations implements ExportDestinations {
    private final Supplier<Window> owner;
    private File last;

    ChooserDestinations(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public Path file(String title, String suggestedName, String extension) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.setInitialFileName(suggestedName);
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension.toUpperCase(java.util.Locale.ROOT), "*." + extension));
        if (last != null && last.isDirectory()) c.setInitialDirectory(last);
        File f = c.showSaveDialog(owner.get());
        if (f == null) return null;
        last = f.getParentFile();
        return f.toPath();
    }

    @Override
    public Path folder(String title) {
        DirectoryChooser c = new DirectoryChooser();
        c.setTitle(title);
        if (last != null && last.isDirectory()) c.setInitialDirectory(last);
        File f = c.showDialog(owner.get());
        if (f == null) return null;
        last = f;
        return f.toPath();
    }

    @Override
    public List<Path> images(String title) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter("Images", "*.png", "*.jpg", "*.jpeg", "*.bmp", "*.gif"));
        if (last != null && last.isDirectory()) c.setInitialDirectory(last);
        List<File> files = c.showOpenMultipleDialog(owner.get());
        if (files == null || files.isEmpty()) return List.of();
        last = files.get(0).getParentFile();
        return files.stream().map(File::toPath).toList();
    }
}
