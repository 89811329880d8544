package io.counterweight.app.compare;

/** One metric of the comparison table; NaN where a run has no value (e.g. no tail classes). */
public record CompareRow(String metric, double baseline, double improved) {
    public double delta() {
        return improved - baseline;
    }
}
