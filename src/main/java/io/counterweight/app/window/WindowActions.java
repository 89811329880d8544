package io.counterweight.app.window;

import io.counterweight.app.MainViewModel;

/** What the window's shortcuts can do; the main view controller carries them out. */
public interface WindowActions {
    void openData();

    /** Starts training, or pauses / resumes the run in progress. */
    void startOrPause();

    /** Closes an open overlay, else stops the run in progress. */
    void escape();

    void show(MainViewModel.Screen screen);

    void togglePresenter();

    void toggleHelp();

    void toggleDarkTheme();

    /** @return false when no lesson is shown (the key is then left to the focused control) */
    boolean lessonStep(int delta);
}
