package io.counterweight.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.core.data.Dataset;
import io.counterweight.core.data.DatasetFormat;
import io.counterweight.core.data.ImageShape;
import io.counterweight.core.train.BatchTransform;
import io.counterweight.core.train.EpochOrder;
import io.counterweight.core.train.GeneratedImages;
import io.counterweight.core.train.TrainingControl;
import io.counterweight.core.train.TrainingListener;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What docs/model-reuse.md says about loading model.zip from plain DL4J, checked in a process without
 * Counterweight's classes: the study CNN's zip names our FastConvolutionLayer and does not load there;
 * with that class name rewritten to DL4J's ConvolutionLayer it loads and computes the same outputs.
 */
class ModelZipPortabilityTest {
    static final String FAST = "io.counterweight.core.model.fast.FastConvolutionLayer";
    static final String PLAIN = "org.deeplearning4j.nn.conf.layers.ConvolutionLayer";
    private static final ImageShape SHAPE = new ImageShape(3, 8, 8);

    @TempDir Path tmp;

    @Test
    void theStudyCnnLoadsInPlainDl4jOnceItsLayerClassIsRenamed() throws Exception {
        Dataset data = new Dataset("generated", DatasetFormat.DEMO, GeneratedImages.NAMES,
                GeneratedImages.split(SHAPE, new int[] {10, 8, 6, 4}, 41), GeneratedImages.balanced(SHAPE, 2, 42));
        // with a remedy's own loss class and a changed learning rate: model.zip still names neither
        ExperimentConfig cfg = ExperimentConfig.fastDemo().toBuilder().model("study").epochs(2).batch(8)
                .loss(io.counterweight.core.train.LossKind.LOGIT_ADJUSTED).mixup(0.4).warmup(2).build();
        Path runDir = TrainingRun.execute(data, cfg, tmp.resolve("runs"), "fp", EpochOrder.shuffled(data.train().size()),
                BatchTransform.IDENTITY, TrainingListener.NONE, new TrainingControl()).runDir();
        Path original = runDir.resolve(RunStore.MODEL);
        String json = entry(original, "configuration.json");
        assertEquals(2, json.split(FAST, -1).length - 1, "both convolutions are ours, by class name");
        assertFalse(json.contains("io.counterweight.core.model.LogitAdjustedLoss"), "written with DL4J's own loss");

        Path standard = tmp.resolve("model-standard.zip");
        rename(original, standard);
        List<String> lines = plainDl4j(original, standard);
        assertEquals("no counterweight classes", lines.get(0));
        assertTrue(lines.get(1).startsWith("error ") && lines.get(1).contains("may have a custom layer"), lines.get(1));
        assertTrue(lines.get(2).startsWith("ok "), lines.get(2));

        float[] ours = SavedModel.open(runDir).network().output(PlainDl4jLoad.input(3, 8, 8), false).ravel().toFloatVector();
        String[] theirs = lines.get(2).substring(3).split(" ");
        assertEquals(ours.length, theirs.length);
        for (int i = 0; i < ours.length; i++) assertEquals(ours[i], Float.parseFloat(theirs[i]), 1e-5, "output " + i);
        assertFalse(Arrays.equals(new float[ours.length], ours));
    }

    /** The rewrite docs/model-reuse.md gives as unzip + sed + zip: the class name only, every other byte kept. */
    static void rename(Path from, Path to) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(from));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals("configuration.json")) {
                    bytes = new String(bytes, StandardCharsets.UTF_8).replace(FAST, PLAIN).getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
    }

    private static String entry(Path zip, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.getName().equals(name)) return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError(name + " not in " + zip);
    }

    /** Runs {@link PlainDl4jLoad} with this class path minus the folder or jar that holds Counterweight's classes. */
    private static List<String> plainDl4j(Path... zips) throws Exception {
        String ours = Path.of(SavedModel.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        List<String> classPath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!Path.of(entry).toAbsolutePath().toString().equals(ours)) classPath.add(entry);
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=error", "-cp", String.join(File.pathSeparator, classPath),
                PlainDl4jLoad.class.getName(), "3", "8", "8"));
        for (Path z : zips) command.add(z.toString());
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out;
        try (InputStream stdout = child.getInputStream()) {
            out = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(0, child.waitFor(), out);
        return out.lines().filter(l -> l.startsWith("ok") || l.startsWith("error") || l.contains("counterweight classes")).toList();
    }

}
