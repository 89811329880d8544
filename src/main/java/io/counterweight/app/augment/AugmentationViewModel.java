package io.counterweight.app.augment;

import io.counterweight.app.Workbench;
import io.counterweight.app.common.BackgroundJob;
import io.counterweight.app.common.JobHandle;
import io.counterweight.app.common.TaskExecutor;
import io.counterweight.core.augment.AugmentConfig;
import io.counterweight.core.data.Dataset;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * State of the Augmentation screen: the four transforms (pushed into the shared config as they
 * change) and the preview grid, re-rendered off the FX thread after every change. Only the newest
 * render is shown: an older one still running is cancelled and its result dropped.
 */
public final class AugmentationViewModel {
    public static final int PREVIEW_ROWS = 6;
    public static final int PREVIEW_VARIANTS = 8;

    private final Workbench workbench;
    private final TaskExecutor executor;
    private final PreviewRenderer renderer;
    private final TransformModel rotation = new TransformModel("Rotation", "random rotation, up to ±30° at magnitude 1");
    private final TransformModel affine = new TransformModel("Affine", "translate ±20 %, scale 0.8–1.2, shear ±15° at magnitude 1");
    private final TransformModel flip = new TransformModel("Horizontal flip", "mirror left–right (no magnitude)");
    private final TransformModel jitter = new TransformModel("Colour jitter", "brightness, contrast, saturation ±50 %, hue ±0.1 at magnitude 1");
    private final ReadOnlyObjectWrapper<PreviewGrid> preview = new ReadOnlyObjectWrapper<>(this, "preview");
    /** Counts finished renders, so tests and the view can tell a new grid arrived. */
    private final ReadOnlyIntegerWrapper renders = new ReadOnlyIntegerWrapper(this, "renders");
    private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown", true);
    private long seed = 1;
    private int generation;
    private boolean syncing;
    private JobHandle job = JobHandle.NONE;

    public AugmentationViewModel(Workbench workbench, TaskExecutor executor) {
        this.workbench = workbench;
        this.executor = executor;
        this.renderer = new PreviewRenderer(workbench.services().augment());
        set(workbench.augmentProperty().get());
        for (TransformModel t : transforms()) {
            for (Observable o : t.observables()) o.addListener(x -> push());
        }
        workbench.augmentProperty().addListener((o, a, b) -> { if (!syncing) set(b); });
        workbench.selectedProperty().addListener(x -> render());
        render();
    }

    public List<TransformModel> transforms() {
        return List.of(rotation, affine, flip, jitter);
    }

    /** Shows all four transforms at the study's probability (0.3), default magnitudes. */
    public void applyStudy() {
        set(AugmentConfig.study());
        push();
    }

    public void applyNone() {
        set(AugmentConfig.none());
        push();
    }

    /** New random draws of the transforms (and of the images shown). */
    public void reroll() {
        seed++;
        render();
    }

    private void set(AugmentConfig c) {
        syncing = true;
        try {
            rotation.set(c.rotation());
            affine.set(c.affine());
            flip.set(c.flip());
            jitter.set(c.jitter());
        } finally {
            syncing = false;
        }
    }

    private void push() {
        if (syncing) return;
        syncing = true;
        try {
            workbench.augmentProperty().set(config());
        } finally {
            syncing = false;
        }
        render();
    }

    public AugmentConfig config() {
        return new AugmentConfig(rotation.toConfig(), affine.toConfig(), flip.toConfig(), jitter.toConfig());
    }

    private void render() {
        Dataset data = workbench.selected();
        if (data == null || data.train().size() == 0) {
            preview.set(null);
            return;
        }
        job.cancel();
        int mine = ++generation;
        AugmentConfig config = config();
        long s = seed;
        job = BackgroundJob.of("Rendering the augmentation preview",
                        ctx -> renderer.render(data, config, s, PREVIEW_ROWS, PREVIEW_VARIANTS, ctx::isCancelled))
                .quiet()
                .onSuccess(grid -> {
                    if (grid == null || mine != generation) return;
                    preview.set(grid);
                    renders.set(renders.get() + 1);
                })
                .executeWith(executor);
    }

    public Workbench workbench() { return workbench; }

    /** Whether the screen is on view (the window binds it to the tab; true when used alone). */
    public BooleanProperty shownProperty() { return shown; }
    public ReadOnlyObjectProperty<PreviewGrid> previewProperty() { return preview.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty rendersProperty() { return renders.getReadOnlyProperty(); }
}
