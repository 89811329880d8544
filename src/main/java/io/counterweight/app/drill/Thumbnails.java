package io.counterweight.app.drill;

import io.counterweight.app.services.AugmentService;
import io.counterweight.core.data.ImageShape;
import io.counterweight.core.data.ImageSplit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * Thumbnails of one test split, rendered on a worker thread and delivered on the FX thread. Requests are served
 * newest first and dropped when their grid cell has moved on, so scrolling through thousands of images renders
 * only what is on screen; the most recent {@link #CACHE} thumbnails are kept.
 */
public final class Thumbnails {
    static final int CACHE = 4000;

    private record Request(int generation, int index, BooleanSupplier wanted, Consumer<Image> onReady) { }

    private final AugmentService pixels;
    private final Executor fxThread;
    private final LinkedBlockingDeque<Request> queue = new LinkedBlockingDeque<>();
    private final Map<Integer, Image> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<Integer, Image> e) { return size() > CACHE; }
    };
    private volatile ImageSplit split;
    private volatile int generation;
    private Thread worker;

    /** @param fxThread runs the delivery (Platform::runLater in the window) */
    public Thumbnails(AugmentService pixels, Executor fxThread) {
        this.pixels = pixels;
        this.fxThread = fxThread;
    }

    /** Thumbnails of {@code test} from now on; pending requests for the previous split are dropped. FX thread. */
    public void show(ImageSplit test) {
        if (test == split) return;
        generation++;
        queue.clear();
        synchronized (cache) { cache.clear(); }
        split = test;
    }

    /** A thumbnail already rendered, or null. */
    public Image cached(int index) {
        synchronized (cache) { return cache.get(index); }
    }

    /** Renders image {@code index} unless {@code wanted} says no by then; {@code onReady} runs on the FX thread. */
    public void request(int index, BooleanSupplier wanted, Consumer<Image> onReady) {
        Image done = cached(index);
        if (done != null) {
            onReady.accept(done);
            return;
        }
        startWorker();
        queue.addLast(new Request(generation, index, wanted, onReady));
    }

    private synchronized void startWorker() {
        if (worker != null) return;
        worker = new Thread(this::serve, "thumbnails");
        worker.setDaemon(true);
        worker.start();
    }

    private void serve() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Request r = queue.takeLast(); // newest first: what the user scrolled to last
                ImageSplit s = split;
                if (r.generation() != generation || s == null || !r.wanted().getAsBoolean()) continue;
                Image image = render(s, r.index());
                synchronized (cache) { cache.put(r.index(), image); }
                fxThread.execute(() -> { if (r.generation() == generation && r.wanted().getAsBoolean()) r.onReady().accept(image); });
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Image render(ImageSplit s, int index) {
        ImageShape shape = s.shape();
        int[] argb = pixels.toArgb(s.image(index), shape);
        WritableImage image = new WritableImage(shape.width(), shape.height());
        image.getPixelWriter().setPixels(0, 0, shape.width(), shape.height(), PixelFormat.getIntArgbInstance(), argb, 0, shape.width());
        return image;
    }

    /** Stops the worker (window closed). */
    public synchronized void shutdown() {
        if (worker != null) worker.interrupt();
    }
}
