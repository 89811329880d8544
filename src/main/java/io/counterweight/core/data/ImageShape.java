package io.counterweight.core.data;

/** Shape of every image of a data set: channels (1 or 3), height, width. Pixels are stored CHW. */
public record ImageShape(int channels, int height, int width) {
    public ImageShape {
        if (channels != 1 && channels != 3) throw new IllegalArgumentException("channels must be 1 or 3: " + channels);
        if (height <= 0 || width <= 0) throw new IllegalArgumentException("bad image size " + width + "x" + height);
    }

    /** Bytes per image: channels × height × width. */
    public int size() {
        return channels * height * width;
    }

    @Override
    public String toString() {
        return width + "x" + height + "x" + channels;
    }
}
