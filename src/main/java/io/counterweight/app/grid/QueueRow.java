package io.counterweight.app.grid;

/**
 * One cell of the grid's queue as the screen lists it.
 *
 * @param index  1-based, the cell's place in the plan
 * @param status "waiting", "training · epoch 2 / 5", "finished · macro-F1 0.412", "skipped · finished before", …
 */
public record QueueRow(int index, String remedy, String ratio, long seed, String status) {
    QueueRow withStatus(String s) {
        return new QueueRow(index, remedy, ratio, seed, s);
    }
}
