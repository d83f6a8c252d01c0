package org.ecgdigitizer.core.classify;

import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

/** The grayscale planes the ink classifiers see, and moving them between scales. */
public final class InkPlanes {

	private InkPlanes() {}

	/**
	 * Each pixel's brightest channel (0..255): a red, green or blue grid is bright in at least one
	 * channel, as under a scanner's colour dropout, while ink (black, blue-black) is dark in all.
	 */
	public static float[] brightestChannel(int[] rgb) {
		float[] out = new float[rgb.length];
		for (int i = 0; i < rgb.length; i++) {
			int p = rgb[i];
			out[i] = Math.max(p >> 16 & 255, Math.max(p >> 8 & 255, p & 255));
		}
		return out;
	}

	/** ImageJ's default RGB to grayscale conversion, (r + g + b) / 3, as TWS sees an RGB image made 8-bit. */
	public static float[] gray(int[] rgb) {
		float[] out = new float[rgb.length];
		for (int i = 0; i < rgb.length; i++) {
			int p = rgb[i];
			out[i] = (float) Math.floor(((p >> 16 & 255) + (p >> 8 & 255) + (p & 255)) / 3.0);
		}
		return out;
	}

	/** A plane resized by ImageJ (bilinear, averaging when it shrinks). */
	public static float[] resize(float[] plane, int w, int h, int nw, int nh) {
		if (nw == w && nh == h) return plane;
		FloatProcessor fp = new FloatProcessor(w, h, plane);
		fp.setInterpolationMethod(ImageProcessor.BILINEAR);
		// a display range, which the values do not depend on: else ImageJ reads the plane to find one
		fp.setMinAndMax(0, 1);
		return (float[]) fp.resize(nw, nh, true).getPixels();
	}
}
