package io.counterweight.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterweight.core.CounterweightException;
import io.counterweight.core.experiment.Comparison;
import io.counterweight.core.experiment.RunResult;
import io.counterweight.core.experiment.RunStore;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The HTML report of real runs, parsed as XML: its tables hold the runs' numbers, its images decode, text stays text. */
class RunReportTest {
    @TempDir static Path out;
    static List<Path> dirs;

    @BeforeAll
    static void train() {
        dirs = ReportFixture.twoRuns(out.resolve("runs"));
    }

    static Document write(Path file, List<Path> runDirs) throws Exception {
        RunReport.write(file, ReportedRun.loadAll(runDirs));
        byte[] html = Files.readAllBytes(file);
        assertFalse(new String(html, StandardCharsets.UTF_8).contains("http"), "no external resource");
        var f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(html)); // throws unless well-formed
    }

    /** The text of each cell of the table with class {@code cssClass} (the {@code index}-th such), row by row. */
    static List<List<String>> table(Document doc, String cssClass, int index) {
        List<Element> tables = new ArrayList<>();
        NodeList all = doc.getElementsByTagName("table");
        for (int i = 0; i < all.getLength(); i++) {
            if (((Element) all.item(i)).getAttribute("class").equals(cssClass)) tables.add((Element) all.item(i));
        }
        List<List<String>> rows = new ArrayList<>();
        NodeList trs = tables.get(index).getElementsByTagName("tbody").item(0).getChildNodes();
        for (int r = 0; r < trs.getLength(); r++) {
            if (!(trs.item(r) instanceof Element tr)) continue;
            List<String> cells = new ArrayList<>();
            NodeList tds = tr.getElementsByTagName("td");
            for (int c = 0; c < tds.getLength(); c++) cells.add(tds.item(c).getTextContent());
            rows.add(cells);
        }
        return rows;
    }

    static String pct(double v) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * v);
    }

    @Test
    void aComparisonHoldsTheSummaryTheStudysRowsAndOneDecodableImagePerChart() throws Exception {
        Document doc = write(out.resolve("two.html"), dirs);
        RunResult base = RunStore.open(dirs.get(0)), improved = RunStore.open(dirs.get(1));
        List<List<String>> summary = table(doc, "summary", 0);
        assertEquals(2, summary.size());
        int acc = ReportTables.SUMMARY_HEAD.indexOf("accuracy"), f1 = ReportTables.SUMMARY_HEAD.indexOf("macro-F1");
        assertEquals(pct(base.report().accuracy()), summary.get(0).get(acc));
        assertEquals(pct(improved.report().accuracy()), summary.get(1).get(acc));
        assertEquals(String.format(Locale.ROOT, "%.4f", improved.report().macroF1()), summary.get(1).get(f1));
        assertEquals("baseline", summary.get(0).get(1));
        assertEquals("2/2", summary.get(0).get(6));

        List<List<String>> comparison = table(doc, "comparison", 0);
        List<Comparison.Row> expected = Comparison.of(base, improved).rows();
        assertEquals(expected.size(), comparison.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(List.of(expected.get(i).metric(), expected.get(i).baselineText(), expected.get(i).improvedText(),
                    expected.get(i).deltaText()), comparison.get(i));
        }
        assertEquals("0.4872".length(), table(doc, "per-class", 1).get(0).get(5).length(), "F1 with four decimals");

        NodeList imgs = doc.getElementsByTagName("img");
        assertEquals(2 + 2, imgs.getLength(), "loss, metrics, one heatmap per run");
        for (int i = 0; i < imgs.getLength(); i++) {
            Element img = (Element) imgs.item(i);
            String src = img.getAttribute("src");
            assertTrue(src.startsWith("data:image/png;base64,"), src.substring(0, 30));
            BufferedImage png = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(src.substring(22))));
            assertEquals(RunReport.IMAGE_SCALE * Integer.parseInt(img.getAttribute("width")), png.getWidth());
            assertEquals(RunReport.IMAGE_SCALE * Integer.parseInt(img.getAttribute("height")), png.getHeight());
        }
        assertEquals(0, doc.getElementsByTagName("script").getLength());
        assertEquals(0, doc.getElementsByTagName("link").getLength());
    }

    @Test
    void classNamesAndOtherTextFromTheFilesShowAsTextNeverAsMarkup() throws Exception {
        Path hostile = ReportFixture.hostileRun(out.resolve("hostile"));
        Path file = out.resolve("hostile.html");
        Document doc = write(file, List.of(hostile));
        assertEquals(0, doc.getElementsByTagName("script").getLength());
        List<String> names = table(doc, "per-class", 0).stream().map(r -> r.get(0)).toList();
        assertEquals(List.of(ReportFixture.HOSTILE, "a & b", "\"quoted\" \uFFFDbell", "plain"), names);
        assertFalse(Files.readString(file).contains("<script"));
        assertTrue(Files.readString(file).contains("&lt;script&gt;"));
    }

    @Test
    void oneRunHasNoComparisonAndTheOldFolderFormatReportsItsNumbers() throws Exception {
        Path legacy = ReportFixture.legacyRun(out.resolve("legacy"));
        Document doc = write(out.resolve("legacy.html"), List.of(legacy));
        assertEquals("39.79%", table(doc, "summary", 0).get(0).get(ReportTables.SUMMARY_HEAD.indexOf("accuracy")));
        assertEquals("0.3022", table(doc, "summary", 0).get(0).get(ReportTables.SUMMARY_HEAD.indexOf("macro-F1")));
        assertEquals(4, doc.getElementsByTagName("table").getLength(), "summary, per-class, config, provenance");
        assertEquals(3, doc.getElementsByTagName("img").getLength());
        assertTrue(table(doc, "keys", 1).contains(List.of("data.fingerprint", "f9f185dc29f053ba")));
    }

    @Test
    void aRunStoppedBeforeItsFirstEpochStillReportsWhatItHas() throws Exception {
        Path half = out.resolve("half");
        Files.createDirectories(half);
        Files.copy(dirs.get(0).resolve(RunStore.CONFIG), half.resolve(RunStore.CONFIG));
        Path noMetrics = out.resolve("no-metrics");
        Files.createDirectories(noMetrics);
        Files.copy(dirs.get(0).resolve(RunStore.CONFIG), noMetrics.resolve(RunStore.CONFIG));
        Files.copy(dirs.get(0).resolve(RunStore.PROVENANCE), noMetrics.resolve(RunStore.PROVENANCE));
        Path file = out.resolve("half.html");
        Document doc = write(file, List.of(dirs.get(0), half, noMetrics));
        List<List<String>> summary = table(doc, "summary", 0);
        assertEquals("0/2", summary.get(1).get(6));
        assertEquals("n/a", summary.get(2).get(ReportTables.SUMMARY_HEAD.indexOf("accuracy")));
        assertEquals(2 + 1, doc.getElementsByTagName("img").getLength(), "curves, and a heatmap for the trained run only");
        assertTrue(Files.readString(file).contains("No epoch completed yet"));
        assertTrue(Files.readString(file).contains("No provenance.json"));
    }

    @Test
    void aFolderThatIsNotARunIsAOneLineErrorNamingIt() throws IOException {
        Path empty = Files.createDirectories(out.resolve("not-a-run"));
        CounterweightException e = assertThrows(CounterweightException.class, () -> ReportedRun.load(empty));
        assertTrue(e.getMessage().startsWith(empty.toString()) && e.getMessage().contains("not a Counterweight run folder"));
        e = assertThrows(CounterweightException.class, () -> ReportedRun.load(out.resolve("missing")));
        assertTrue(e.getMessage().contains("missing"));
        assertEquals(1, e.getMessage().lines().count());
    }
}
