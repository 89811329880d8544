package io.counterweight.app.common;

import io.counterweight.core.Progress;

/**
 * What running work sees of its job: a progress sink and the cancel flag. It is a core
 * {@link Progress}, so it can be handed straight to a core loader or trainer.
 */
public interface JobContext extends Progress {

    /** A context that ignores progress and is never cancelled (for work run outside a job). */
    JobContext NONE = (message, done, total) -> { };
}
