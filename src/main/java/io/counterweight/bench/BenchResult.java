package io.counterweight.bench;

/** Images per second measured by one benchmark run (pipeline: NaN when not measured). */
public record BenchResult(String model, int batch, int threads, String backend,
                          double trainImagesPerSecond, double inferenceImagesPerSecond,
                          double pipelineImagesPerSecond) {

    public BenchResult withPipeline(double imagesPerSecond) {
        return new BenchResult(model, batch, threads, backend, trainImagesPerSecond, inferenceImagesPerSecond, imagesPerSecond);
    }
}
