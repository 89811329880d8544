/**
 * The GUI's only doors into the core: one small service per area (data, sampling, augmentation,
 * training, run history and workspace). View models call these and nothing else of the core's behaviour, so the GUI never
 * re-implements a formula, and tests can swap in scripted services.
 */
package io.counterweight.app.services;
