/**
 * What belongs to the window rather than one screen: the keyboard shortcuts (one table that installs them and
 * fills the F1 help), the dark theme, presenter mode and its guided lesson.
 */
package io.counterweight.app.window;
