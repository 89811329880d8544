package io.counterweight.core.train;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.MultiLayerUpdater;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * One training step of a batch split across T threads, each running a replica of the network on its
 * share of the images; the replicas share the master's parameter array, their gradients are summed
 * and the master's updater applies one step. For SGD, momentum and Nesterov (linear in the gradient)
 * this is the same step as {@code net.fit(batch)} on the whole batch, up to float rounding.
 *
 * Why: DL4J parallelises inside each native op, and a small CNN's ops are too short for that to pay
 * (on 2 cores, 2 threads trained LeNet slower than 1: the threads spend their time waking each other).
 * Splitting the batch gives each thread milliseconds of independent work per step. Every replica runs
 * its native ops on its share of OpenMP threads (one on small machines), and OpenBLAS (a process-wide setting) runs single-threaded
 * until {@link #close()}. Use one instance from one thread; {@link #close()} stops its workers.
 */
public final class DataParallelStep implements TrainingStep {
    private final MultiLayerNetwork master;
    private final List<MultiLayerNetwork> replicas = new ArrayList<>(); // replica i runs on workers[i]
    private final List<ExecutorService> workers = new ArrayList<>();
    private Thread caller;          // the thread fit() runs on, set to one OpenMP thread until close()
    private int callerOmpThreads;
    private final int blasThreads;        // OpenBLAS's (process-wide) thread count before this step took it to 1
    private final int nativeThreadsEach;  // OpenMP threads of each replica

    /** A step on the given {@link ThreadPlan}: one replica means the plain step, on that many native threads. */
    public DataParallelStep(MultiLayerNetwork master, ThreadPlan plan) {
        this(master, plan.replicas(), plan.nativeThreadsEach());
    }

    /** {@code threads} replicas (master included), each running its native ops on one OpenMP thread. */
    public DataParallelStep(MultiLayerNetwork master, int threads) {
        this(master, threads, 1);
    }

    /** {@code replicaCount} replicas (master included), each running its native ops on {@code nativeThreadsEach} OpenMP threads. */
    public DataParallelStep(MultiLayerNetwork master, int replicaCount, int nativeThreadsEach) {
        if (replicaCount < 1) throw new IllegalArgumentException("a step needs at least 1 replica, got " + replicaCount);
        this.nativeThreadsEach = Math.max(1, nativeThreadsEach);
        this.master = master;
        // each replica calls BLAS from its own thread: BLAS threads of their own would only wake and wait
        blasThreads = Nd4j.factory().blas().getMaxThreads();
        Nd4j.factory().blas().setMaxThreads(replicaCount == 1 ? this.nativeThreadsEach : 1);
        if (master.getFlattenedGradients() == null) master.initGradientsView();
        for (int t = 1; t < replicaCount; t++) {
            MultiLayerNetwork replica = new MultiLayerNetwork(master.getLayerWiseConfigurations().clone());
            replica.init(master.params(), false); // shares the master's parameter array: no copies per step
            replica.initGradientsView();
            replicas.add(replica);
            int index = t;
            ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
                Thread th = new Thread(r, "counterweight-replica-" + index);
                th.setDaemon(true);
                return th;
            });
            worker.submit(this::setNativeThreads);
            workers.add(worker);
        }
    }

    /**
     * True on the CPU backend, the only one this is for and was tested on: on a GPU, DL4J already keeps
     * the device busy from one thread, and replicas on several host threads would contend for it.
     */
    public static boolean supported() {
        return "CPU".equalsIgnoreCase(Nd4j.getExecutioner().getEnvironmentInformation().getProperty("backend", ""));
    }

    @Override
    public List<MultiLayerNetwork> networks() {
        List<MultiLayerNetwork> all = new ArrayList<>();
        all.add(master);
        all.addAll(replicas);
        return all;
    }

    public int threads() {
        return replicas.size() + 1;
    }

    /** OpenMP's thread count is per calling thread: set on each replica's own thread. */
    private void setNativeThreads() {
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(nativeThreadsEach);
    }

    /** Fits one batch; returns its mean loss, which {@code master.score()} also reports afterwards. */
    public double fit(DataSet batch) {
        INDArray x = batch.getFeatures(), y = batch.getLabels();
        int n = (int) x.size(0);
        int parts = Math.min(threads(), n);
        if (caller == null) {
            caller = Thread.currentThread();
            callerOmpThreads = NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads();
            setNativeThreads();
        }
        if (parts < 2) {
            master.fit(batch);
            master.setInput(null); // it keeps its last input, which the caller may free (BatchAssembler.release)
            master.setLabels(null);
            return master.score();
        }
        List<Future<Double>> pending = new ArrayList<>();
        for (int p = 1; p < parts; p++) {
            int from = (int) ((long) n * p / parts), to = (int) ((long) n * (p + 1) / parts);
            MultiLayerNetwork replica = replicas.get(p - 1);
            pending.add(workers.get(p - 1).submit(() -> lossSum(replica, x, y, from, to)));
        }
        RuntimeException failure = null;
        double sum = 0;
        try {
            sum += lossSum(master, x, y, 0, (int) ((long) n / parts));
        } catch (RuntimeException e) {
            failure = e;
        }
        boolean interrupted = false;
        for (Future<Double> f : pending) { // wait for every replica: they write into buffers reused next step
            while (true) {
                try {
                    sum += f.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // a step takes milliseconds: finish it, then restore the flag
                } catch (ExecutionException e) {
                    if (failure == null) failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                    break;
                }
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        if (failure != null) throw failure;

        INDArray gradient = master.getFlattenedGradients();
        for (int p = 1; p < parts; p++) gradient.addi(replicas.get(p - 1).getFlattenedGradients());
        int iteration = master.getIterationCount();
        // the updater divides by the whole batch, as fit() would; then the same step fit() takes
        ((MultiLayerUpdater) master.getUpdater()).update(master.gradient(), iteration, master.getEpochCount(), n,
                LayerWorkspaceMgr.noWorkspaces());
        INDArray params = master.params();
        params.subi(gradient.reshape(params.shape()));
        master.setIterationCount(iteration + 1);
        double loss = sum / n;
        master.setScore(loss);
        return loss;
    }

    /** Gradient of images [from, to) into the network's gradient view; returns their summed loss. */
    private static double lossSum(MultiLayerNetwork net, INDArray x, INDArray y, int from, int to) {
        net.setInput(rows(x, from, to));
        net.setLabels(rows(y, from, to));
        net.computeGradientAndScore();
        return net.score() * (to - from); // score() is the mean over the network's own share
        // no net.clear(): it also drops the solver, and with it the updater's momentum state
    }

    private static INDArray rows(INDArray a, int from, int to) {
        INDArrayIndex[] index = new INDArrayIndex[a.rank()];
        index[0] = NDArrayIndex.interval(from, to);
        for (int d = 1; d < index.length; d++) index[d] = NDArrayIndex.all();
        return a.get(index).dup('c');
    }

    /** Stops the workers and gives the calling thread back its OpenMP thread count (call it on that thread). */
    @Override
    public void close() {
        workers.forEach(ExecutorService::shutdownNow);
        Nd4j.factory().blas().setMaxThreads(blasThreads);
        if (caller == Thread.currentThread()) NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(callerOmpThreads);
    }
}
