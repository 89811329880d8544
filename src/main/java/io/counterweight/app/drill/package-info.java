/**
 * Drill-down into a confusion cell: the test images a run put in that cell, most confident first, as a
 * virtualised grid of thumbnails rendered off the FX thread. Entry point: {@link io.counterweight.app.drill.DrillDown}.
 */
package io.counterweight.app.drill;
