/**
 * The Runs screen: the workspace's run history (re-listed in the background while shown, filtered and
 * sorted), a selected run reopened as it was written (curves, the confusion matrix and per-class table of
 * the epoch the slider picks, config and provenance), rename, tags, delete, Repeat, and the workspace
 * preference. Files are read only through {@link io.counterweight.app.services.RunHistoryService}.
 */
package io.counterweight.app.runs;
