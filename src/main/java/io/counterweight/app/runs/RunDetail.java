package io.counterweight.app.runs;

/** One row of the Config &amp; provenance table; {@code section} is named on a section's first row only. */
public record RunDetail(String section, String key, String value) { }
