package org.ecgdigitizer.core.synth;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.ecgdigitizer.core.io.ImageFiles;

/**
 * Photometric degradations of a page image (TYPE_INT_RGB, changed in place unless noted). Each
 * takes its own random stream and records what it drew in a parameter map for the ground truth.
 * Work is split by image row and every row draws from its own generator, so results do not
 * depend on the number of threads.
 */
final class PhotoEffects {

	/** 4096 standard normal values, indexed by a per-pixel hash: much faster than nextGaussian. */
	private static final float[] NORMALS = new float[4096];

	static {
		Random r = new Random(0x5eed);
		for (int i = 0; i < NORMALS.length; i++) NORMALS[i] = (float) r.nextGaussian();
	}

	private PhotoEffects() {}

	static int[] pixels(BufferedImage img) {
		return ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
	}

	private static int clamp(double v) {
		return v <= 0 ? 0 : v >= 255 ? 255 : (int) (v + 0.5);
	}

	/** Translucent brownish blobs and coffee rings, multiplied onto the paper. */
	static Map<String, Object> stains(BufferedImage img, double maxCount, double pxPerMm, Random r) {
		int count = Math.max(1, (int) Math.round(maxCount * (0.5 + 0.5 * r.nextDouble())));
		int w = img.getWidth(), h = img.getHeight();
		int[] px = pixels(img);
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("count", count);
		for (int s = 0; s < count; s++) {
			double cx = w * r.nextDouble(), cy = h * r.nextDouble();
			double radius = pxPerMm * (8 + 22 * r.nextDouble());
			boolean ring = r.nextDouble() < 0.5;
			double opacity = 0.3 + 0.35 * r.nextDouble();
			// brown to yellowish transmittance per channel
			double tr = 0.92, tg = 0.78 + 0.08 * r.nextDouble(), tb = 0.55 + 0.1 * r.nextDouble();
			// a few low harmonics make the outline irregular but still round
			double[] lobes = new double[4];
			for (int k = 0; k < 4; k++) lobes[k] = 0.07 / (k + 1) * (2 * r.nextDouble() - 1);
			double phase = 2 * Math.PI * r.nextDouble();
			int x0 = (int) Math.max(0, cx - 1.3 * radius), x1 = (int) Math.min(w, cx + 1.3 * radius);
			int y0 = (int) Math.max(0, cy - 1.3 * radius), y1 = (int) Math.min(h, cy + 1.3 * radius);
			IntStream.range(y0, y1).parallel().forEach(y -> {
				for (int x = x0; x < x1; x++) {
					double dx = x + 0.5 - cx, dy = y + 0.5 - cy;
					double a = StrictMath.atan2(dy, dx);
					double wobble = 1;
					for (int k = 0; k < 4; k++) wobble += lobes[k] * StrictMath.sin((k + 2) * a + phase * (k + 1));
					double d = StrictMath.hypot(dx, dy) / (radius * wobble);
					double alpha;
					if (ring) {
						double t = (d - 1) / 0.06;
						alpha = StrictMath.exp(-t * t) + (d < 1 ? 0.25 * (1 - d * d) : 0);
					}
					else {
						alpha = d < 1 ? StrictMath.pow(1 - d * d, 0.4) : 0;
					}
					alpha *= opacity;
					if (alpha < 0.002) continue;
					int i = y * w + x, c = px[i];
					int rr = clamp(((c >> 16) & 255) * (1 - alpha * (1 - tr)));
					int gg = clamp(((c >> 8) & 255) * (1 - alpha * (1 - tg)));
					int bb = clamp((c & 255) * (1 - alpha * (1 - tb)));
					px[i] = rr << 16 | gg << 8 | bb;
				}
			});
			p.put("stain" + s, new double[] { cx, cy, radius, ring ? 1 : 0, opacity });
		}
		return p;
	}

	/** Uneven light: a linear fall-off across the frame and a soft-edged shadow over part of it. */
	static Map<String, Object> shadow(BufferedImage img, double strength, Random r) {
		int w = img.getWidth(), h = img.getHeight();
		int[] px = pixels(img);
		double gradAngle = 2 * Math.PI * r.nextDouble();
		double gx = StrictMath.cos(gradAngle), gy = StrictMath.sin(gradAngle);
		double gradient = strength * (0.2 + 0.3 * r.nextDouble());
		// shadow: the half-plane beyond a line, e.g. a hand or phone over one side
		double edgeAngle = 2 * Math.PI * r.nextDouble();
		double ex = StrictMath.cos(edgeAngle), ey = StrictMath.sin(edgeAngle);
		double reach = 0.15 + 0.3 * r.nextDouble();
		double centre = (ex * w / 2 + ey * h / 2);
		double halfSpan = 0.5 * (Math.abs(ex) * w + Math.abs(ey) * h);
		double edge = centre + halfSpan * (1 - 2 * reach);
		double softness = 0.01 * Math.max(w, h) * (1 + 4 * r.nextDouble());
		double depth = strength * (0.75 + 0.25 * r.nextDouble());
		double diag = StrictMath.hypot(w, h);
		IntStream.range(0, h).parallel().forEach(y -> {
			for (int x = 0; x < w; x++) {
				double t = ((x - w / 2.0) * gx + (y - h / 2.0) * gy) / diag + 0.5;
				double f = 1 - gradient * t;
				double s = (ex * x + ey * y - edge) / softness;
				double shade = s > 6 ? 1 : s < -6 ? 0 : 1 / (1 + StrictMath.exp(-s));
				f *= 1 - depth * shade;
				int i = y * w + x, c = px[i];
				px[i] = clamp(((c >> 16) & 255) * f) << 16 | clamp(((c >> 8) & 255) * f) << 8 | clamp((c & 255) * f);
			}
		});
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("gradient", gradient);
		p.put("gradient_direction_deg", Math.toDegrees(gradAngle));
		p.put("shadow_depth", depth);
		p.put("shadow_direction_deg", Math.toDegrees(edgeAngle));
		p.put("shadow_reach", reach);
		return p;
	}

	/** Per-channel gains, like a white balance that is off. */
	static Map<String, Object> colorCast(BufferedImage img, double strength, Random r) {
		double[] gain = new double[3];
		for (int k = 0; k < 3; k++) gain[k] = 1 + strength * (2 * r.nextDouble() - 1);
		double top = Math.max(gain[0], Math.max(gain[1], gain[2]));
		for (int k = 0; k < 3; k++) gain[k] /= Math.max(1, top);
		mapChannels(img, v -> v * gain[0], v -> v * gain[1], v -> v * gain[2]);
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("rgb_gain", gain);
		return p;
	}

	/** Pulls values toward a mid level, keeping {@code kept} of the contrast. */
	static Map<String, Object> lowContrast(BufferedImage img, double kept, Random r) {
		double k = Math.max(0.05, Math.min(1, kept));
		double mid = 150 + 40 * r.nextDouble();
		mapChannels(img, v -> mid + (v - mid) * k, v -> mid + (v - mid) * k, v -> mid + (v - mid) * k);
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("contrast", k);
		p.put("mid", mid);
		return p;
	}

	private interface Curve {
		double apply(double v);
	}

	private static void mapChannels(BufferedImage img, Curve red, Curve green, Curve blue) {
		int[][] lut = new int[3][256];
		for (int v = 0; v < 256; v++) {
			lut[0][v] = clamp(red.apply(v));
			lut[1][v] = clamp(green.apply(v));
			lut[2][v] = clamp(blue.apply(v));
		}
		int[] px = pixels(img);
		IntStream.range(0, img.getHeight()).parallel().forEach(y -> {
			int w = img.getWidth();
			for (int i = y * w; i < (y + 1) * w; i++) {
				int c = px[i];
				px[i] = lut[0][(c >> 16) & 255] << 16 | lut[1][(c >> 8) & 255] << 8 | lut[2][c & 255];
			}
		});
	}

	/** A photocopy: grey level, then toner or paper at a threshold. */
	static Map<String, Object> blackAndWhite(BufferedImage img, double threshold, Random r) {
		double t = 255 * Math.max(0.05, Math.min(0.95, threshold + 0.03 * (2 * r.nextDouble() - 1)));
		int[] px = pixels(img);
		int toner = 0x141414, paper = 0xfafafa;
		IntStream.range(0, img.getHeight()).parallel().forEach(y -> {
			int w = img.getWidth();
			for (int i = y * w; i < (y + 1) * w; i++) {
				int c = px[i];
				double grey = 0.299 * ((c >> 16) & 255) + 0.587 * ((c >> 8) & 255) + 0.114 * (c & 255);
				px[i] = grey < t ? toner : paper;
			}
		});
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("threshold", t / 255);
		return p;
	}

	/** Separable Gaussian blur with the given sigma in pixels. */
	static Map<String, Object> blur(BufferedImage img, double sigma) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("sigma_px", sigma);
		if (sigma <= 0.05) return p;
		int radius = (int) Math.ceil(3 * sigma);
		float[] kernel = new float[2 * radius + 1];
		double sum = 0;
		for (int k = -radius; k <= radius; k++) sum += kernel[k + radius] = (float) StrictMath.exp(-0.5 * k * k / (sigma * sigma));
		for (int k = 0; k < kernel.length; k++) kernel[k] /= sum;
		int w = img.getWidth(), h = img.getHeight();
		int[] px = pixels(img);
		int[] tmp = new int[px.length];
		IntStream.range(0, h).parallel().forEach(y -> {
			for (int x = 0; x < w; x++) {
				float r = 0, g = 0, b = 0;
				for (int k = -radius; k <= radius; k++) {
					int xx = Math.max(0, Math.min(w - 1, x + k));
					int c = px[y * w + xx];
					float f = kernel[k + radius];
					r += f * ((c >> 16) & 255);
					g += f * ((c >> 8) & 255);
					b += f * (c & 255);
				}
				tmp[y * w + x] = clamp(r) << 16 | clamp(g) << 8 | clamp(b);
			}
		});
		IntStream.range(0, h).parallel().forEach(y -> {
			for (int x = 0; x < w; x++) {
				float r = 0, g = 0, b = 0;
				for (int k = -radius; k <= radius; k++) {
					int yy = Math.max(0, Math.min(h - 1, y + k));
					int c = tmp[yy * w + x];
					float f = kernel[k + radius];
					r += f * ((c >> 16) & 255);
					g += f * ((c >> 8) & 255);
					b += f * (c & 255);
				}
				px[y * w + x] = clamp(r) << 16 | clamp(g) << 8 | clamp(b);
			}
		});
		return p;
	}

	/** Gaussian sensor noise, mostly in brightness with some colour. */
	static Map<String, Object> noise(BufferedImage img, double sigma, Random r) {
		double s = 255 * sigma;
		long base = r.nextLong();
		int[] px = pixels(img);
		int w = img.getWidth();
		IntStream.range(0, img.getHeight()).parallel().forEach(y -> {
			long state = base ^ (y * 0x9E3779B97F4A7C15L);
			for (int i = y * w; i < (y + 1) * w; i++) {
				state = state * 6364136223846793005L + 1442695040888963407L;
				int bits = (int) (state >>> 28);
				double lum = 0.8 * s * NORMALS[bits & 4095];
				double cr = 0.45 * s * NORMALS[(bits >>> 12) & 4095];
				double cb = 0.45 * s * NORMALS[((int) (state >>> 8)) & 4095];
				int c = px[i];
				px[i] = clamp(((c >> 16) & 255) + lum + cr) << 16 | clamp(((c >> 8) & 255) + lum) << 8 |
					clamp((c & 255) + lum + cb);
			}
		});
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("sigma", sigma);
		return p;
	}

	/** JPEG compression at a quality, in memory; returns the decoded image. */
	static BufferedImage jpeg(BufferedImage img, double quality, Map<String, Object> parameters) {
		float q = (float) Math.max(0.02, Math.min(1, quality));
		parameters.put("quality", (double) q);
		try {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
			try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
				writer.setOutput(out);
				ImageWriteParam param = writer.getDefaultWriteParam();
				param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
				param.setCompressionQuality(q);
				writer.write(null, new IIOImage(img, null, null), param);
			}
			finally {
				writer.dispose();
			}
			BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
			parameters.put("bytes", bytes.size());
			BufferedImage rgb = ImageFiles.toRgb(decoded);
			if (rgb == decoded) {
				// ImageIO may hand back an image whose raster is not a plain packed int buffer
				BufferedImage copy = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
				copy.getGraphics().drawImage(decoded, 0, 0, null);
				return copy;
			}
			return rgb;
		}
		catch (IOException e) {
			throw new UncheckedIOException("JPEG compression in memory failed", e);
		}
	}
}
