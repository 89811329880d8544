package io.counterweight.core.experiment;

import io.counterweight.core.data.Dataset;
import io.counterweight.core.train.BackendInfo;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/**
 * Where a run came from, as {@code provenance.json}: the seed, the data (name, format, content fingerprint,
 * class names and counts after selection), and the software and machine it ran on. With
 * {@code config.json} it is enough to repeat the run and to tell why two runs differ.
 *
 * @param status "running", "completed", "cancelled" or "failed: &lt;message&gt;"
 */
public record Provenance(String counterweightVersion, long seed, String dataName, String dataFormat,
                         String dataFingerprint, String imageShape, List<String> classNames,
                         List<Integer> trainCounts, List<Integer> testCounts,
                         String javaVersion, String javaVendor, String dl4jVersion, String nd4jVersion,
                         String backend, String device, String osName, String osVersion, String osArch,
                         String startTime, String endTime, String status) {

    public static final String RUNNING = "running";

    /** The provenance of a run starting now on {@code data} (already selected) with {@code seed}. */
    public static Provenance start(Dataset data, String fingerprint, long seed, OffsetDateTime start) {
        BackendInfo b = BackendInfo.current();
        return new Provenance(currentVersion(), seed, data.name(), data.format().id(), fingerprint,
                data.shape().toString(), data.classNames(), boxed(data.trainCounts()), boxed(data.testCounts()),
                System.getProperty("java.version"), System.getProperty("java.vendor"), b.dl4jVersion(), b.nd4jVersion(),
                b.backend(), b.device(), System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("os.arch"), format(start), null, RUNNING);
    }

    /** The same provenance with the run's end time and final status. */
    public Provenance finished(OffsetDateTime end, String newStatus) {
        return new Provenance(counterweightVersion, seed, dataName, dataFormat, dataFingerprint, imageShape, classNames,
                trainCounts, testCounts, javaVersion, javaVendor, dl4jVersion, nd4jVersion, backend, device, osName,
                osVersion, osArch, startTime, format(end), newStatus);
    }

    public int[] trainCountArray() {
        return trainCounts.stream().mapToInt(Integer::intValue).toArray();
    }

    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneId.systemDefault()).withNano(0);
    }

    /** From the jar manifest (Implementation-Version) when packaged; "dev" when run from classes. */
    static String currentVersion() {
        String v = Provenance.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    private static String format(OffsetDateTime t) {
        return t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static List<Integer> boxed(int[] counts) {
        return Arrays.stream(counts).boxed().toList();
    }
}
