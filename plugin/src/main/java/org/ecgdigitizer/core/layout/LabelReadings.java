package org.ecgdigitizer.core.layout;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.ecgdigitizer.core.Box;
import org.ecgdigitizer.core.preprocess.PreparedPage;

/**
 * The {@link LabelReader} readings of one ink plane, each box at each size read once: the
 * upside-down check, the separator finder and every layout lead detection tries read many of the
 * same words, and a reading depends on nothing but the plane, the box and the size.
 */
final class LabelReadings {

	private final float[] ink;
	private final int w;
	private final int h;
	private final Map<Key, LabelReader.Reading> known = new HashMap<>();
	/** Boxes and sizes asked whether they may be read, not read. */
	private final Map<Key, Boolean> acceptable = new HashMap<>();

	LabelReadings(float[] ink, int w, int h) {
		this.ink = ink;
		this.w = w;
		this.h = h;
	}

	/** The readings of a page's ink, shared by every stage that reads the page (and the pages sharing its ink). */
	static LabelReadings of(PreparedPage page) {
		return page.fromInk(LabelReadings.class, p -> new LabelReadings(p.inkPixels(), p.width(), p.height()));
	}

	/** {@link LabelReader#read(float[], int, int, Box, double)} of this plane, read once. */
	synchronized LabelReader.Reading read(Box box, double inkHeightPx) {
		return known.computeIfAbsent(new Key(box, inkHeightPx), k -> LabelReader.read(ink, w, h, box, inkHeightPx));
	}

	/**
	 * False when no reading of the box at this size can be accepted, found without matching
	 * ({@link WordMatcher#mayBeAccepted}); a box already read answers by its reading.
	 */
	synchronized boolean mayBeAccepted(Box box, double inkHeightPx) {
		Key key = new Key(box, inkHeightPx);
		LabelReader.Reading known = this.known.get(key);
		if (known != null) return known.accepted();
		return acceptable.computeIfAbsent(key, k -> WordMatcher.mayBeAccepted(ink, w, h, box, inkHeightPx));
	}

	int width() {
		return w;
	}

	int height() {
		return h;
	}

	/** A box and a size, equal when their numbers are bit for bit the same. */
	private static final class Key {
		private final long[] bits;

		Key(Box b, double size) {
			bits = new long[] { Double.doubleToLongBits(b.x), Double.doubleToLongBits(b.y), Double.doubleToLongBits(
				b.width), Double.doubleToLongBits(b.height), Double.doubleToLongBits(size) };
		}

		@Override
		public boolean equals(Object o) {
			return o instanceof Key && Arrays.equals(bits, ((Key) o).bits);
		}

		@Override
		public int hashCode() {
			return Arrays.hashCode(bits);
		}
	}
}
