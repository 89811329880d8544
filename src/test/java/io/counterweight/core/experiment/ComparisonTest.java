package io.counterweight.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.core.metrics.ClassificationReport;
import io.counterweight.core.metrics.ConfusionMatrix;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComparisonTest {
    static final List<String> NAMES = List.of("a", "b");

    static RunResult result(long[][] counts, int[] trainCounts, String label) {
        ConfusionMatrix cm = ConfusionMatrix.of(counts);
        ClassificationReport report = ClassificationReport.of(cm, NAMES, trainCounts);
        ExperimentConfig cfg = ExperimentConfig.fastDemo().toBuilder().label(label).build();
        EpochMetrics m = new EpochMetrics(1, 1, 1, report.accuracy(), report.macroF1(), report.balancedAccuracy(),
                report.headAccuracy(), report.mediumAccuracy(), report.tailAccuracy(), 100, 1);
        return RunResult.of(Path.of("runs", label), cfg, false, report, cm, List.of(m));
    }

    @Test
    void rowsHoldBothRunsAndDeltas() {
        // class a: 200 training images (head), b: 10 (tail)
        RunResult base = result(new long[][] {{9, 1}, {8, 2}}, new int[] {200, 10}, "baseline");
        RunResult better = result(new long[][] {{8, 2}, {4, 6}}, new int[] {200, 10}, "improved");
        Comparison c = Comparison.of(base, better);
        Comparison.Row acc = c.rows().get(1);
        assertEquals("Accuracy", acc.metric());
        assertEquals(11 / 20.0, acc.baseline(), 1e-12);
        assertEquals(14 / 20.0, acc.improved(), 1e-12);
        assertEquals(3 / 20.0, acc.delta(), 1e-12);
        Comparison.Row tail = c.rows().get(5);
        assertEquals(0.2, tail.baseline(), 1e-12);
        assertEquals(0.6, tail.improved(), 1e-12);
        assertTrue(Double.isNaN(c.rows().get(4).baseline())); // no medium class
        // F1 by hand, baseline: a P=9/17 R=0.9 -> 2*9/(17+10)=0.6667; b P=2/3 R=0.2 -> 0.3077
        assertEquals((2 * 9.0 / 27 + 2 * 2.0 / 13) / 2, c.rows().get(0).baseline(), 1e-12);
    }

    @Test
    void tableLooksLikeTheStudysTable() {
        RunResult base = result(new long[][] {{9, 1}, {8, 2}}, new int[] {200, 10}, "baseline");
        RunResult better = result(new long[][] {{8, 2}, {4, 6}}, new int[] {200, 10}, "improved");
        String[] lines = Comparison.of(base, better).toTable().split("\n");
        assertEquals(7, lines.length);
        assertTrue(lines[0].startsWith("Metric") && lines[0].contains("Baseline") && lines[0].contains("Improved"));
        assertEquals("Accuracy                       55.00%     70.00%   +15.00 pp", lines[2]);
        assertTrue(lines[5].contains("n/a"), lines[5]);
        assertTrue(lines[1].startsWith("F1-score (macro)") && lines[1].contains("0.4872") && lines[1].contains("0.6970"), lines[1]);
    }

    @Test
    void jsonViewUsesContractKeysAndNullForNaN() {
        RunResult base = result(new long[][] {{9, 1}, {8, 2}}, new int[] {200, 10}, "baseline");
        Map<String, Object> m = base.toJsonMap();
        for (String key : List.of("run_dir", "epochs", "accuracy", "macro_f1", "balanced_accuracy", "head_accuracy",
                "medium_accuracy", "tail_accuracy", "per_class", "confusion", "images_per_second")) {
            assertTrue(m.containsKey(key), key);
        }
        assertNull(m.get("medium_accuracy"));
        assertEquals(0.55, m.get("accuracy"));
        String json = ConfigJson.write(Comparison.of(base, base).toJsonMap());
        assertTrue(!json.contains("NaN") && json.contains("\"medium_accuracy\" : null"), json);
        assertTrue(json.contains("\"confusion\" : [ [ 9, 1 ], [ 8, 2 ] ]"), json);
        @SuppressWarnings("unchecked")
        Map<String, Object> b = (Map<String, Object>) ((List<?>) m.get("per_class")).get(1);
        assertEquals(List.of("name", "precision", "recall", "f1", "support"), List.copyOf(b.keySet()));
        assertEquals("b", b.get("name"));
        assertEquals(2 / 3.0, (Double) b.get("precision"), 1e-12);
        assertEquals(0.2, (Double) b.get("recall"), 1e-12);
        assertEquals(2 * 2.0 / 13, (Double) b.get("f1"), 1e-12);
        assertEquals(10L, b.get("support"));
    }

    @Test
    void rowsFormatTheirOwnCells() {
        RunResult base = result(new long[][] {{9, 1}, {8, 2}}, new int[] {200, 10}, "baseline");
        RunResult better = result(new long[][] {{8, 2}, {4, 6}}, new int[] {200, 10}, "improved");
        List<Comparison.Row> rows = Comparison.of(base, better).rows();
        Comparison.Row f1 = rows.get(0), acc = rows.get(1), medium = rows.get(4);
        assertEquals(List.of("0.4872", "0.6970", "+0.2098"), List.of(f1.baselineText(), f1.improvedText(), f1.deltaText()));
        assertEquals(List.of("55.00%", "70.00%", "+15.00 pp"), List.of(acc.baselineText(), acc.improvedText(), acc.deltaText()));
        assertEquals(List.of("n/a", "n/a", "n/a"), List.of(medium.baselineText(), medium.improvedText(), medium.deltaText()));
        assertEquals("-15.00 pp", new Comparison.Row("x", 0.7, 0.55, true).deltaText());
    }

    @Test
    void groupRowsAreNamedByTheReportsThresholds() {
        RunResult base = result(new long[][] {{9, 1}, {8, 2}}, new int[] {200, 10}, "baseline");
        List<Comparison.Row> rows = Comparison.of(base, base).rows();
        List<String> labels = ClassificationReport.groupLabels();
        assertEquals("Head accuracy (" + labels.get(0) + ")", rows.get(3).metric());
        assertEquals("Medium accuracy (" + labels.get(1) + ")", rows.get(4).metric());
        assertEquals("Tail accuracy (" + labels.get(2) + ")", rows.get(5).metric());
    }
}
