package io.counterweight.core.data;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A short content fingerprint for provenance: SHA-256 over the class names, shape, labels and pixels of
 * both splits, first 16 hex digits. Equal data gives an equal fingerprint wherever it was loaded from.
 */
public final class DatasetFingerprint {
    private DatasetFingerprint() { }

    public static String of(Dataset d) {
        MessageDigest sha = sha256();
        sha.update("counterweight-data-v1".getBytes(StandardCharsets.UTF_8));
        for (String name : d.classNames()) {
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
        ImageShape s = d.shape();
        sha.update(ByteBuffer.allocate(12).putInt(s.channels()).putInt(s.height()).putInt(s.width()).array());
        update(sha, d.train());
        update(sha, d.test());
        return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    }

    private static void update(MessageDigest sha, ImageSplit split) {
        ByteBuffer labels = ByteBuffer.allocate(4 + 4 * split.size()).putInt(split.size());
        for (int i = 0; i < split.size(); i++) labels.putInt(split.label(i));
        sha.update(labels.array());
        byte[] image = new byte[split.shape().size()];
        for (int i = 0; i < split.size(); i++) {
            split.copyInto(i, image, 0);
            sha.update(image);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
