package io.counterweight.core.experiment;

import java.io.File;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Loads model.zip files as a plain DL4J user would, in a process whose class path holds DL4J but not
 * Counterweight's classes (it uses none of them). Arguments: C H W file...; prints one line per file:
 * "ok" and the outputs for a fixed batch of two images, or "error" and why.
 */
public final class PlainDl4jLoad {
    private PlainDl4jLoad() { }

    public static void main(String[] args) {
        try {
            Class.forName("io.counterweight.core.model.fast.FastConvolutionLayer");
            System.out.println("counterweight classes present");
        } catch (ClassNotFoundException expected) {
            System.out.println("no counterweight classes");
        }
        int c = Integer.parseInt(args[0]), h = Integer.parseInt(args[1]), w = Integer.parseInt(args[2]);
        for (int i = 3; i < args.length; i++) {
            try {
                MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(new File(args[i]), false);
                StringBuilder line = new StringBuilder("ok");
                for (float v : net.output(input(c, h, w), false).ravel().toFloatVector()) line.append(' ').append(v);
                System.out.println(line);
            } catch (Exception | LinkageError e) {
                System.out.println("error " + e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
            }
        }
    }

    /** Two images with pixel values spread over [0, 1). */
    static INDArray input(int c, int h, int w) {
        long n = 2L * c * h * w;
        return Nd4j.linspace(DataType.FLOAT, 0, 1.0 / n, n).reshape('c', 2, c, h, w);
    }
}
