package io.counterweight.core.data;

import io.counterweight.core.CounterweightException;
import java.util.Locale;

/** The on-disk layouts Counterweight reads (see DESIGN.md), plus the generated demo set. */
public enum DatasetFormat {
    AUTO("auto"),
    CIFAR10("cifar10"),
    CIFAR100("cifar100"),
    CIFAR10_PY("cifar10-py"),
    CIFAR100_PY("cifar100-py"),
    IDC("idc"),
    IDX("idx"),
    FOLDER("folder"),
    DEMO("demo");

    private final String id;

    DatasetFormat(String id) {
        this.id = id;
    }

    /** The name used on the command line and in config.json. */
    public String id() {
        return id;
    }

    public static DatasetFormat fromId(String id) {
        String wanted = id.toLowerCase(Locale.ROOT).trim();
        for (DatasetFormat f : values()) {
            if (f.id.equals(wanted)) return f;
        }
        throw new CounterweightException("--format: unknown format '" + id
                + "' (expected auto, cifar10, cifar100, cifar10-py, cifar100-py, idc, idx, folder or demo)");
    }
}
