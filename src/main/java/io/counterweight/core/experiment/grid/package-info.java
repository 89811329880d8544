/**
 * The remedy × imbalance × seed ablation grid: {@link io.counterweight.core.experiment.grid.RemedyRegistry}
 * (remedy names and what each changes in a config), {@link io.counterweight.core.experiment.grid.GridPlan}
 * (the cells, each a run config), {@link io.counterweight.core.experiment.grid.GridFolder} (the grid's folder
 * and which run folder holds each cell) and {@link io.counterweight.core.experiment.grid.GridRunner} (runs the
 * cells that are not finished, reporting {@link io.counterweight.core.experiment.grid.GridEvent}s). See
 * docs/grid.md.
 */
package io.counterweight.core.experiment.grid;
