package io.counterweight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A named corpus of bad inputs, each generated here in its real on-disk format, run through the real CLI
 * ({@code inspect}). Each must end as its row says (exit code 2 and one line on stderr with the expected
 * words, or exit 0 with a warning; progress lines may precede it), within 20 s. The observed table goes to {@code target/reliability-corpus.md};
 * with {@code -Dreliability.update=true} it also replaces the table in {@code docs/reliability.md}
 * ({@code docs/reliability/make-table.sh}), so the documented table is the corpus's own output.
 */
class BadInputCorpusTest {
    private static final String HEADING = "## Bad inputs and what each gets";
    private static final String END = "<!-- end of generated table -->";

    @TempDir Path tmp;

    /** One corpus entry: how to make it, the CLI arguments after "inspect", the exit code and words expected. */
    private record Case(String input, Setup setup, int exit, String... words) { }

    private interface Setup {
        List<String> make(Path dir) throws Exception;
    }

    private record Row(String input, int exit, String err) { }

    @Test
    void everyBadInputGetsItsOneLine() throws Exception {
        List<Row> rows = new ArrayList<>();
        for (Case c : corpus()) {
            Path dir = Files.createDirectories(tmp.resolve("case" + rows.size()));
            List<String> args = new ArrayList<>(List.of("inspect"));
            List<String> made = c.setup.make(dir);
            if (made == null) continue; // not possible on this platform (e.g. no mkfifo)
            args.addAll(made);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                CommandLine cli = Main.commandLine();
                cli.setOut(new PrintWriter(out, true));
                cli.setErr(new PrintWriter(err, true));
                return cli.execute(args.toArray(String[]::new));
            }, c.input);
            String e = err.toString().strip();
            String shown = e.lines().filter(l -> l.startsWith("counterweight:")).findFirst().orElse("").replace(dir.toString(), "…");
            rows.add(new Row(c.input, code, shown));
            assertEquals(c.exit, code, c.input + ": " + e);
            // Progress lines may come first; the error is one line of its own, the last one.
            if (c.exit == 2) {
                assertEquals(1, e.lines().filter(l -> l.startsWith("counterweight:")).count(), c.input + ": one error line: " + e);
                assertTrue(e.lines().reduce((a, b) -> b).orElse("").startsWith("counterweight: "), c.input + ": " + e);
            }
            assertFalse(e.contains("Exception") || e.contains("internal error"), c.input + ": " + e);
            for (String w : c.words) assertTrue(e.contains(w), c.input + ": expected '" + w + "' in: " + e);
        }
        writeTable(rows);
    }

    private static List<Case> corpus() {
        return List.of(
                new Case("missing path", d -> List.of(d.resolve("nowhere").toString()), 2, "no such file or directory"),
                new Case("truncated CIFAR-10 batch (100 bytes cut)", d -> {
                    Path c = CliTest.cifar10(d, 2);
                    Path f = c.resolve("data_batch_1.bin");
                    byte[] b = Files.readAllBytes(f);
                    Files.write(f, java.util.Arrays.copyOf(b, b.length - 100));
                    return List.of(c.toString());
                }, 2, "data_batch_1.bin", "truncated"),
                new Case("CIFAR-10 with data_batch_3.bin missing", d -> {
                    Path c = CliTest.cifar10(d, 2);
                    Files.delete(c.resolve("data_batch_3.bin"));
                    return List.of(c.toString());
                }, 2, "data_batch_3.bin is missing"),
                new Case("CIFAR-10 without batches.meta.txt", d -> {
                    Path c = CliTest.cifar10(d, 2);
                    Files.delete(c.resolve("batches.meta.txt"));
                    return List.of(c.toString());
                }, 0, "warning", "batches.meta.txt is missing", "class 0"),
                new Case("IDX with a wrong magic number", d -> {
                    idx(d, new int[] {0, 1, 2, 1}, false);
                    writeInt(d.resolve("train-images-idx3-ubyte"), 0, 0x0000_0804);
                    return List.of(d.toString());
                }, 2, "train-images-idx3-ubyte", "not an IDX file"),
                new Case("IDX label file with one label byte 250", d -> {
                    int[] labels = new int[200];
                    for (int i = 0; i < labels.length; i++) labels[i] = i % 10;
                    labels[77] = 250;
                    idx(d, labels, false);
                    return List.of(d.toString());
                }, 2, "train-labels-idx1-ubyte", "label 250 of item 77", "0..9"),
                new Case("gzip IDX announcing 50,000,000 images in 40 bytes", d -> {
                    idx(d, new int[] {0, 1, 2, 1}, true);
                    try (DataOutputStream o = new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(d.resolve("train-labels-idx1-ubyte.gz"))))) {
                        o.writeInt(0x801);
                        o.writeInt(50_000_000);
                    }
                    return List.of(d.toString());
                }, 2, "train-labels-idx1-ubyte.gz", "truncated", "can unpack to only"),
                new Case("CIFAR pickle whose BINSTRING length says 2^31-1", d -> {
                    Path c = pickles(d);
                    Files.write(c.resolve("data_batch_1"), new byte[] {(byte) 0x80, 2, 'T', (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F, 'a', 'b', '.'});
                    return List.of(c.toString());
                }, 2, "data_batch_1", "declares 2,147,483,647 bytes"),
                new Case("CIFAR pickle of one STOP opcode", d -> {
                    Path c = pickles(d);
                    Files.write(c.resolve("data_batch_2"), new byte[] {'.'});
                    return List.of(c.toString());
                }, 2, "data_batch_2", "malformed at byte 1"),
                new Case("PNG declaring 25,000 × 25,000 pixels", d -> {
                    folder(d, 2);
                    Files.write(d.resolve("a/0.png"), pngHeader(25_000, 25_000));
                    return List.of(d.toString());
                }, 2, "0.png", "25000 x 25000", "limit of 64 Mpx"),
                new Case("corrupt PNG (bytes cut after the header)", d -> {
                    folder(d, 2);
                    byte[] png = Files.readAllBytes(d.resolve("b/1.png"));
                    Files.write(d.resolve("b/1.png"), java.util.Arrays.copyOf(png, 40));
                    return List.of(d.toString());
                }, 2, "1.png", "corrupt image"),
                new Case("empty class folder", d -> {
                    folder(d, 2);
                    Files.createDirectories(d.resolve("c"));
                    Files.write(d.resolve("c/readme.txt"), new byte[] {1});
                    return List.of(d.toString());
                }, 2, "class folder has no images"),
                new Case("folder named like an image (x.png/)", d -> {
                    folder(d, 2);
                    Files.createDirectories(d.resolve("a/x.png"));
                    return List.of(d.toString());
                }, 2, "x.png", "is a directory"),
                new Case("named pipe (FIFO) as DATA", d -> fifo(d.resolve("pipe")) ? List.of(d.resolve("pipe").toString()) : null,
                        2, "special file (named pipe"),
                new Case("named pipe called p.png in a class folder", d -> {
                    folder(d, 2);
                    return fifo(d.resolve("a/p.png")) ? List.of(d.toString()) : null;
                }, 2, "p.png", "special file"),
                new Case("IDC tree without any IDC(+) patch", d -> {
                    for (String p : List.of("10253", "10254", "10255")) {
                        for (int i = 0; i < 2; i++) png(d.resolve(p + "/0/" + p + "_idx5_x" + i + "_y0_class0.png"), 50, 50);
                    }
                    return List.of(d.toString(), "--format", "idc");
                }, 2, "no IDC(+) patches"),
                new Case("path with a NUL character", d -> List.of(d + "/da\u0000ta"), 2, "DATA: cannot use the path"),
                new Case("--imbalance together with --per-class", d -> List.of("demo", "--imbalance", "0.1", "--per-class", "5,5,5,5,5,5,5,5"),
                        2, "--imbalance and --per-class exclude each other"),
                new Case("--classes 1", d -> List.of("demo", "--classes", "1"), 2, "--classes must be 0 (all) or 2..N"),
                new Case("--classes 1000 on the 8-class demo", d -> List.of("demo", "--classes", "1000"), 2, "--classes must be 0 (all) or 2..N where N = 8"),
                new Case("file name in Latin-1 bytes (not UTF-8)", d -> {
                    folder(d, 2);
                    return latin1Copy(d.resolve("a/0.png"), d.resolve("a")) ? List.of(d.toString()) : null;
                }, 0, "")
        );
    }

    // ---- generators of the real formats -------------------------------------------------------------

    private static void idx(Path d, int[] trainLabels, boolean gz) throws IOException {
        writeIdx(d, "train", trainLabels, gz);
        writeIdx(d, "t10k", new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, gz);
    }

    private static void writeIdx(Path d, String prefix, int[] labels, boolean gz) throws IOException {
        String ext = gz ? ".gz" : "";
        try (DataOutputStream o = new DataOutputStream(open(d.resolve(prefix + "-images-idx3-ubyte" + ext), gz))) {
            o.writeInt(0x803);
            o.writeInt(labels.length);
            o.writeInt(4);
            o.writeInt(4);
            o.write(new byte[16 * labels.length]);
        }
        try (DataOutputStream o = new DataOutputStream(open(d.resolve(prefix + "-labels-idx1-ubyte" + ext), gz))) {
            o.writeInt(0x801);
            o.writeInt(labels.length);
            for (int l : labels) o.writeByte(l);
        }
    }

    private static java.io.OutputStream open(Path f, boolean gz) throws IOException {
        java.io.OutputStream o = Files.newOutputStream(f);
        return gz ? new GZIPOutputStream(o) : o;
    }

    private static void writeInt(Path f, int at, int v) throws IOException {
        byte[] b = Files.readAllBytes(f);
        for (int i = 0; i < 4; i++) b[at + i] = (byte) (v >>> (24 - 8 * i));
        Files.write(f, b);
    }

    /** A cifar-10-batches-py folder of five tiny valid batches (each a pickled dict with an empty data array). */
    private static Path pickles(Path d) throws IOException {
        Path c = Files.createDirectories(d.resolve("cifar-10-batches-py"));
        for (String n : List.of("data_batch_1", "data_batch_2", "data_batch_3", "data_batch_4", "data_batch_5", "test_batch")) {
            Files.write(c.resolve(n), emptyBatch());
        }
        return c;
    }

    /** {b'labels': [], b'data': b''} in protocol 3. */
    private static byte[] emptyBatch() {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(new byte[] {(byte) 0x80, 3, '}', '('});
        o.writeBytes(new byte[] {'C', 6});
        o.writeBytes("labels".getBytes(StandardCharsets.US_ASCII));
        o.writeBytes(new byte[] {']', 'C', 4});
        o.writeBytes("data".getBytes(StandardCharsets.US_ASCII));
        o.writeBytes(new byte[] {'C', 0, 'u', '.'});
        return o.toByteArray();
    }

    private static void folder(Path d, int perClass) throws IOException {
        for (String c : List.of("a", "b")) for (int i = 0; i < perClass; i++) png(d.resolve(c + "/" + i + ".png"), 8, 8);
    }

    private static void png(Path f, int w, int h) throws IOException {
        Files.createDirectories(f.getParent());
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        img.setRGB(1, 1, f.hashCode());
        ImageIO.write(img, "png", f.toFile());
    }

    /** A PNG signature and IHDR chunk declaring w × h RGB pixels, then an empty IDAT and IEND. */
    private static byte[] pngHeader(int w, int h) throws IOException {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(ihdr);
        d.writeInt(w);
        d.writeInt(h);
        d.write(new byte[] {8, 2, 0, 0, 0});
        chunk(o, "IHDR", ihdr.toByteArray());
        chunk(o, "IDAT", new byte[] {0x78, (byte) 0x9C, 3, 0, 0, 0, 0, 1});
        chunk(o, "IEND", new byte[0]);
        return o.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream o, String type, byte[] data) throws IOException {
        DataOutputStream d = new DataOutputStream(o);
        d.writeInt(data.length);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        d.write(t);
        d.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        d.writeInt((int) crc.getValue());
    }

    /** mkfifo, where there is one (not on Windows). */
    static boolean fifo(Path p) throws Exception {
        if (System.getProperty("os.name").startsWith("Windows")) return false;
        Files.createDirectories(p.getParent());
        return new ProcessBuilder("mkfifo", p.toString()).start().waitFor() == 0;
    }

    /** Copies {@code src} to a file named "café.png" in Latin-1 bytes, which Java's Path API cannot spell. */
    static boolean latin1Copy(Path src, Path dir) throws Exception {
        if (System.getProperty("os.name").startsWith("Windows")) return false;
        return new ProcessBuilder("sh", "-c", "cp \"$0\" \"$1/$(printf 'caf\\351.png')\"", src.toString(), dir.toString())
                .start().waitFor() == 0;
    }

    // ---- the table -------------------------------------------------------------------------------------

    private static void writeTable(List<Row> rows) throws IOException {
        StringBuilder t = new StringBuilder("| input | exit | what the user gets (stderr; … = the input's folder) |\n|---|---|---|\n");
        for (Row r : rows) {
            t.append("| ").append(r.input).append(" | ").append(r.exit).append(" | ")
                    .append(r.err.isEmpty() ? "(loads)" : "`" + r.err.replace("|", "\\|").replace("`", "'") + "`").append(" |\n");
        }
        Path target = Path.of("target");
        Files.createDirectories(target);
        Files.writeString(target.resolve("reliability-corpus.md"), t.toString());
        if (Boolean.getBoolean("reliability.update")) {
            Path doc = Path.of("docs/reliability.md");
            String text = Files.readString(doc);
            int start = text.indexOf(HEADING);
            int end = text.indexOf(END);
            if (start < 0 || end < start) throw new IllegalStateException(doc + " lacks '" + HEADING + "' ... '" + END + "'");
            String head = text.substring(0, text.indexOf('\n', start) + 1);
            String keep = text.substring(head.length(), text.indexOf("| input |", head.length()));
            Files.writeString(doc, head + keep + t + "\n" + text.substring(end));
        } else if (Files.isRegularFile(Path.of("docs/reliability.md"))) {
            // the documented table is this corpus's output: a change of behaviour must show in the docs too
            String doc = Files.readString(Path.of("docs/reliability.md"));
            if (!doc.contains(t.toString())) {
                throw new AssertionError("docs/reliability.md's table differs from what the corpus observed"
                        + " (target/reliability-corpus.md): regenerate it with docs/reliability/make-table.sh");
            }
        }
    }
}
