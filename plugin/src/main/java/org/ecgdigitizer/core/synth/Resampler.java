package org.ecgdigitizer.core.synth;

import java.awt.image.BufferedImage;
import java.util.Random;
import java.util.stream.IntStream;

/** Resamples a clean page through a {@link PageWarp} once, bilinearly, onto a background. */
final class Resampler {

	private Resampler() {}

	/** What shows around the paper. */
	abstract static class Background {
		abstract int rgb(int x, int y);

		/** Nothing: black, for the layer images. */
		static final Background BLACK = new Background() {
			@Override
			int rgb(int x, int y) {
				return 0;
			}
		};

		/** A light grey scanner lid, slightly uneven. */
		static Background scannerLid(Random r) {
			int level = 200 + r.nextInt(45);
			ValueNoise noise = new ValueNoise(r, 64);
			return new Background() {
				@Override
				int rgb(int x, int y) {
					int v = clamp(level + 6 * noise.at(x, y));
					return v << 16 | v << 8 | clamp(v + 3);
				}
			};
		}

		/** A table: wood with grain, or a plain dark desk. */
		static Background table(Random r) {
			boolean wood = r.nextDouble() < 0.6;
			double grey = 45 + 55 * r.nextDouble();
			double[] base = wood ? new double[] { 120 + 50 * r.nextDouble(), 80 + 30 * r.nextDouble(), 45 + 20 * r
				.nextDouble() } : new double[] { grey + 10 * (2 * r.nextDouble() - 1), grey + 10 * (2 * r.nextDouble() -
					1), grey + 10 * (2 * r.nextDouble() - 1) };
			double angle = Math.PI * r.nextDouble();
			double ca = StrictMath.cos(angle), sa = StrictMath.sin(angle);
			double period = 9 + 10 * r.nextDouble();
			ValueNoise warp = new ValueNoise(r, 90);
			ValueNoise blotch = new ValueNoise(r, 250);
			return new Background() {
				@Override
				int rgb(int x, int y) {
					double f = 1 + 0.12 * blotch.at(x, y);
					if (wood) {
						double across = -sa * x + ca * y + 10 * warp.at(x, y);
						f *= 1 + 0.1 * StrictMath.sin(2 * Math.PI * across / period) + 0.05 * StrictMath.sin(2 * Math.PI * across /
							(period * 0.37));
					}
					return clamp(base[0] * f) << 16 | clamp(base[1] * f) << 8 | clamp(base[2] * f);
				}
			};
		}
	}

	/** Smooth noise in -1..1 from random values on a square lattice, interpolated with a smoothstep. */
	static final class ValueNoise {
		private static final int SIZE = 64;
		private final float[] values = new float[SIZE * SIZE];
		private final double cell;

		ValueNoise(Random r, double cellPx) {
			for (int i = 0; i < values.length; i++) values[i] = (float) (2 * r.nextDouble() - 1);
			this.cell = cellPx;
		}

		double at(double x, double y) {
			double fx = x / cell, fy = y / cell;
			int ix = (int) Math.floor(fx), iy = (int) Math.floor(fy);
			double ax = smooth(fx - ix), ay = smooth(fy - iy);
			double v00 = v(ix, iy), v10 = v(ix + 1, iy), v01 = v(ix, iy + 1), v11 = v(ix + 1, iy + 1);
			return (v00 * (1 - ax) + v10 * ax) * (1 - ay) + (v01 * (1 - ax) + v11 * ax) * ay;
		}

		private double v(int x, int y) {
			return values[Math.floorMod(y, SIZE) * SIZE + Math.floorMod(x, SIZE)];
		}

		private static double smooth(double t) {
			return t * t * (3 - 2 * t);
		}
	}

	static int clamp(double v) {
		return v <= 0 ? 0 : v >= 255 ? 255 : (int) (v + 0.5);
	}

	/** The warped page: each output pixel centre maps back to a page point, sampled bilinearly. */
	static BufferedImage resample(BufferedImage clean, PageWarp warp, Background background, boolean withShading) {
		int w = clean.getWidth(), h = clean.getHeight();
		int[] src = PhotoEffects.pixels(clean);
		BufferedImage out = new BufferedImage(warp.outWidth, warp.outHeight, BufferedImage.TYPE_INT_RGB);
		int[] dst = PhotoEffects.pixels(out);
		int ow = warp.outWidth;
		boolean shading = withShading && warp.hasShading();
		IntStream.range(0, warp.outHeight).parallel().forEach(y -> {
			double[] p = new double[2];
			for (int x = 0; x < ow; x++) {
				double shade = warp.inverse(x + 0.5, y + 0.5, p);
				// pixel centres of the clean page sit at (i + 0.5, j + 0.5)
				double sx = p[0] - 0.5, sy = p[1] - 0.5;
				// soft paper edge: coverage of this output pixel by the page, roughly
				double edge = Math.min(Math.min(p[0], w - p[0]), Math.min(p[1], h - p[1])) + 0.5;
				if (edge <= 0) {
					dst[y * ow + x] = background.rgb(x, y);
					continue;
				}
				sx = Math.max(0, Math.min(w - 1.000001, sx));
				sy = Math.max(0, Math.min(h - 1.000001, sy));
				int ix = (int) sx, iy = (int) sy;
				double ax = sx - ix, ay = sy - iy;
				int i00 = iy * w + ix;
				int c00 = src[i00], c10 = src[i00 + (ix + 1 < w ? 1 : 0)];
				int c01 = src[i00 + (iy + 1 < h ? w : 0)], c11 = src[i00 + (ix + 1 < w ? 1 : 0) + (iy + 1 < h ? w : 0)];
				double w00 = (1 - ax) * (1 - ay), w10 = ax * (1 - ay), w01 = (1 - ax) * ay, w11 = ax * ay;
				double r = w00 * ((c00 >> 16) & 255) + w10 * ((c10 >> 16) & 255) + w01 * ((c01 >> 16) & 255) + w11 *
					((c11 >> 16) & 255);
				double g = w00 * ((c00 >> 8) & 255) + w10 * ((c10 >> 8) & 255) + w01 * ((c01 >> 8) & 255) + w11 * ((c11 >>
					8) & 255);
				double b = w00 * (c00 & 255) + w10 * (c10 & 255) + w01 * (c01 & 255) + w11 * (c11 & 255);
				if (shading) {
					r *= shade;
					g *= shade;
					b *= shade;
				}
				if (edge < 1) {
					int bg = background.rgb(x, y);
					r = edge * r + (1 - edge) * ((bg >> 16) & 255);
					g = edge * g + (1 - edge) * ((bg >> 8) & 255);
					b = edge * b + (1 - edge) * (bg & 255);
				}
				dst[y * ow + x] = clamp(r) << 16 | clamp(g) << 8 | clamp(b);
			}
		});
		return out;
	}
}
