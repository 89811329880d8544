package io.counterweight.app.training;

/** Where a training run is: the buttons' enabled states follow from it. */
public enum RunState { IDLE, RUNNING, PAUSED, STOPPING }
