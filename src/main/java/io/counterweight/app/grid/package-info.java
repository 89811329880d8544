/**
 * The Grid screen: an ablation grid (remedies × imbalance ratios × seeds) set up from the current data and
 * recipe, run as a queue with progress, ETA and cancel (a second start resumes), and its mean ± std table,
 * error-bar charts and per-class gains, exported like the CLI's {@code counterweight grid}.
 */
package io.counterweight.app.grid;
