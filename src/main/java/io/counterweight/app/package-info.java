/**
 * The JavaFX workbench: the application class, the main window and the state all screens share
 * ({@link io.counterweight.app.Workbench}). Each screen is a View (FXML under {@code fxml/}) +
 * controller + view model of one base name in a sub-package; controllers bind and delegate, view
 * models hold state as properties and call the core only through {@code app.services}.
 */
package io.counterweight.app;
