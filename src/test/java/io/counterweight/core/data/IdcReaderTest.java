package io.counterweight.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.core.CounterweightException;
import io.counterweight.core.Progress;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdcReaderTest {
    @TempDir Path tmp;

    /** Ten patients, each with 3 IDC(-) and 1 IDC(+) patches named as in the Kaggle download. */
    private Path idcTree() throws Exception {
        Path root = tmp.resolve("idc");
        for (int p = 0; p < 10; p++) {
            String patient = String.valueOf(10250 + p);
            for (int i = 0; i < 4; i++) {
                int label = i == 3 ? 1 : 0;
                Path f = root.resolve(patient + "/" + label + "/" + patient + "_idx5_x" + (50 * i + 1) + "_y" + (100 + p) + "_class" + label + ".png");
                Fixtures.solidPng(f, 50, 50, 0x102030 * (label + 1) + p);
            }
        }
        return root;
    }

    @Test
    void splitsByPatientWithoutOverlap() throws Exception {
        Dataset d = IdcReader.read(idcTree(), 0, 42, Progress.NONE);
        assertEquals(List.of("IDC(-)", "IDC(+)"), d.classNames());
        assertEquals(new ImageShape(3, 50, 50), d.shape());
        assertEquals(40, d.train().size() + d.test().size());
        assertEquals("train: 8 patients, test: 2 patients", d.notes().get("patient_split"));
        Set<String> trainPatients = groups(d.train());
        Set<String> testPatients = groups(d.test());
        assertEquals(8, trainPatients.size());
        assertEquals(2, testPatients.size());
        for (String p : testPatients) assertFalse(trainPatients.contains(p), p);
        assertArrayEquals(new int[] {24, 8}, d.trainCounts());
        // Deterministic per seed; another seed picks another pair of test patients at least once.
        assertEquals(testPatients, groups(IdcReader.read(tmp.resolve("idc"), 0, 42, Progress.NONE).test()));
        Set<Set<String>> choices = new HashSet<>();
        for (long seed = 0; seed < 5; seed++) choices.add(IdcReader.testPatients(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j"), seed));
        assertTrue(choices.size() > 1);
    }

    @Test
    void pixelsAndSmallEdgePatchesPaddedWithBlack() throws Exception {
        Path root = idcTree();
        Path edge = root.resolve("10250/1/10250_idx5_x2001_y901_class1.png");
        Fixtures.solidPng(edge, 30, 20, 0xC08040);
        Dataset d = IdcReader.read(root, 0, 1, Progress.NONE);
        ImageSplit split = groups(d.train()).contains("10250") ? d.train() : d.test();
        byte[] padded = null;
        for (int i = 0; i < split.size(); i++) {
            if ("10250".equals(split.group(i)) && split.label(i) == 1 && (split.image(i)[0] & 0xFF) == 0xC0) padded = split.image(i);
        }
        assertTrue(padded != null, "edge patch read");
        int plane = 2500;
        assertEquals(0xC0, padded[0] & 0xFF);
        assertEquals(0x80, padded[plane] & 0xFF);
        assertEquals(0x40, padded[2 * plane + 19 * 50 + 29] & 0xFF);
        assertEquals(0, padded[20 * 50]);           // below the patch: black
        assertEquals(0, padded[plane + 30]);        // right of the patch: black
    }

    @Test
    void labelDisagreementIsNamed() throws Exception {
        Path root = idcTree();
        Path wrong = root.resolve("10253/0/10253_idx5_x1_y1_class1.png");
        Fixtures.solidPng(wrong, 50, 50, 0);
        CounterweightException e = assertThrows(CounterweightException.class, () -> IdcReader.read(root, 0, 1, Progress.NONE));
        assertEquals(wrong + ": file name says class 1 but it is in folder 0/", e.getMessage());
    }

    @Test
    void kaggleArchiveWithItsRepeatedTreeIsDetectedAndTheRepeatSkipped() throws Exception {
        Path root = idcTree();
        Fixtures.solidPng(root.resolve("IDC_regular_ps50_idx5/10250/0/10250_idx5_x1_y1_class0.png"), 50, 50, 0);
        assertEquals(DatasetFormat.IDC, FormatDetector.detect(root));
        Dataset d = IdcReader.read(root, 0, 42, Progress.NONE);
        assertEquals(40, d.train().size() + d.test().size());
        assertEquals("IDC_regular_ps50_idx5", d.notes().get("skipped_folders"));
    }

    @Test
    void resizesWhenAskedTo() throws Exception {
        Dataset d = IdcReader.read(idcTree(), 32, 1, Progress.NONE);
        assertEquals(new ImageShape(3, 32, 32), d.shape());
    }

    private static Set<String> groups(ImageSplit s) {
        Set<String> g = new HashSet<>();
        for (int i = 0; i < s.size(); i++) g.add(s.group(i));
        return g;
    }
}
