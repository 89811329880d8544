/**
 * GUI plumbing shared by every screen: the one {@link io.counterweight.app.common.TaskExecutor} all
 * background work goes through, {@link io.counterweight.app.common.BackgroundJob}, the
 * {@link io.counterweight.app.common.Throttler} that merges bursts of events before they reach the
 * FX thread, and error reporting.
 */
package io.counterweight.app.common;
