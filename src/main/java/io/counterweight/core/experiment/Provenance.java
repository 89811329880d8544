package io.counterweight.core.experiment;

import io.counterweight.core.data.Dataset;
import io.counterweight.core.train.BackendInfo;
import io.counterweight.core.train.SpeedSettings;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/**
 * Where a run came from, as {@code provenance.json}: the seed, the data it trained on, the software, the
 * machine, the speed settings that change float results, and when it ran with what outcome. With
 * {@code config.json} it is enough to repeat the run and to tell why two runs differ. Older run folders
 * hold a flat layout, which {@link RunStore#readProvenance} still reads.
 *
 * @param speed    null for runs recorded before speed settings were kept
 * @param status   "running", "completed", "cancelled" or "failed: &lt;message&gt;"
 * @param repeatOf the absolute run folder this run repeats ({@code train --from}, the Repeat button), or null
 */
public record Provenance(long seed, DataOrigin data, Software software, Machine machine, SpeedSettings speed,
                         String startTime, String endTime, String status, String repeatOf) {

    public static final String RUNNING = "running";

    /**
     * The data as trained on (after class/long-tail selection).
     *
     * @param fingerprint content hash of the selected data ({@code DatasetFingerprint})
     */
    public record DataOrigin(String name, String format, String fingerprint, String imageShape, List<String> classNames,
                             List<Integer> trainCounts, List<Integer> testCounts) {
        public DataOrigin {
            classNames = classNames == null ? List.of() : List.copyOf(classNames);
            trainCounts = trainCounts == null ? List.of() : List.copyOf(trainCounts);
            testCounts = testCounts == null ? List.of() : List.copyOf(testCounts);
        }

        static DataOrigin of(Dataset data, String fingerprint) {
            return new DataOrigin(data.name(), data.format().id(), fingerprint, data.shape().toString(), data.classNames(),
                    boxed(data.trainCounts()), boxed(data.testCounts()));
        }
    }

    /** Versions of Counterweight ("dev" when run from classes), Java and the DL4J/ND4J libraries. */
    public record Software(String counterweight, String java, String javaVendor, String dl4j, String nd4j) {
        static Software current(BackendInfo b) {
            return new Software(currentVersion(), System.getProperty("java.version"), System.getProperty("java.vendor"),
                    b.dl4jVersion(), b.nd4jVersion());
        }
    }

    /** The backend and device that trained, and the operating system. */
    public record Machine(String backend, String device, String os, String osVersion, String arch) {
        static Machine current(BackendInfo b) {
            return new Machine(b.backend(), b.device(), System.getProperty("os.name"), System.getProperty("os.version"),
                    System.getProperty("os.arch"));
        }
    }

    /** The provenance of a run starting now on {@code data} (already selected) with {@code seed}. */
    public static Provenance start(Dataset data, String fingerprint, long seed, SpeedSettings speed, OffsetDateTime start,
                                   String repeatOf) {
        BackendInfo b = BackendInfo.current();
        return new Provenance(seed, DataOrigin.of(data, fingerprint), Software.current(b), Machine.current(b), speed,
                format(start), null, RUNNING, repeatOf);
    }

    /** The same provenance with the run's end time and final status. */
    public Provenance finished(OffsetDateTime end, String newStatus) {
        return new Provenance(seed, data, software, machine, speed, startTime, format(end), newStatus, repeatOf);
    }

    public int[] trainCountArray() {
        return data.trainCounts().stream().mapToInt(Integer::intValue).toArray();
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

    /** provenance.json as written before 0.2: all 21 entries at the top level, no speed settings. */
    record Flat(String counterweightVersion, long seed, String dataName, String dataFormat, String dataFingerprint,
                String imageShape, List<String> classNames, List<Integer> trainCounts, List<Integer> testCounts,
                String javaVersion, String javaVendor, String dl4jVersion, String nd4jVersion, String backend,
                String device, String osName, String osVersion, String osArch, String startTime, String endTime,
                String status) {
        Provenance toProvenance() {
            return new Provenance(seed,
                    new DataOrigin(dataName, dataFormat, dataFingerprint, imageShape, classNames, trainCounts, testCounts),
                    new Software(counterweightVersion, javaVersion, javaVendor, dl4jVersion, nd4jVersion),
                    new Machine(backend, device, osName, osVersion, osArch), null, startTime, endTime, status, null);
        }
    }
}
