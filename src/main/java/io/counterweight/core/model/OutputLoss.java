package io.counterweight.core.model;

import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * The loss of a network's output layer, read and swapped while training. DL4J's output layer reads its
 * configuration's loss at every step, so a swap takes effect at the next batch.
 */
public final class OutputLoss {
    private OutputLoss() { }

    public static ILossFunction of(MultiLayerNetwork net) {
        return outputLayer(net).getLossFn();
    }

    public static void set(MultiLayerNetwork net, ILossFunction loss) {
        outputLayer(net).setLossFn(loss);
    }

    /** True for the plain, unweighted cross-entropy every {@link ModelFactory} network starts with. */
    public static boolean isPlain(ILossFunction loss) {
        return loss instanceof LossMCXENT mcxent && mcxent.getWeights() == null && loss.getClass() == LossMCXENT.class;
    }

    /**
     * Runs {@code action} (a model.zip being written) with the plain cross-entropy in place of a remedy's
     * loss, then puts the remedy's loss back: a saved model then loads in plain DL4J, without our loss
     * classes, and a resumed run restores the remedy's loss from its config.
     */
    public static void plainWhile(MultiLayerNetwork net, Runnable action) {
        ILossFunction current = of(net);
        if (isPlain(current)) {
            action.run();
            return;
        }
        set(net, new LossMCXENT());
        try {
            action.run();
        } finally {
            set(net, current);
        }
    }

    private static BaseOutputLayer outputLayer(MultiLayerNetwork net) {
        var conf = net.getLayerWiseConfigurations();
        var layer = conf.getConf(conf.getConfs().size() - 1).getLayer();
        if (!(layer instanceof BaseOutputLayer output)) {
            throw new IllegalStateException("the network's last layer has no loss: " + layer.getClass().getSimpleName());
        }
        return output;
    }
}
