import io.counterweight.core.data.Dataset;
import io.counterweight.core.data.DatasetFormat;
import io.counterweight.core.data.DatasetLoader;
import io.counterweight.core.Progress;

/**
 * Loads a data set once and prints the wall time of the load, between two markers that bench/load_gc.sh
 * uses to pick out the GC pauses during the load. Run by bench/load_gc.sh, not on its own.
 */
public class LoadGc {
    public static void main(String[] args) {
        System.out.println("LOAD-START");
        long t0 = System.nanoTime();
        Dataset d = DatasetLoader.load(args[0], DatasetFormat.AUTO, 0, 42, Progress.NONE);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("LOAD-END " + ms + " ms, " + (d.train().size() + d.test().size()) + " images");
    }
}
