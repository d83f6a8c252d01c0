package org.ecgdigitizer.core.layout;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.ecgdigitizer.core.io.GlyphOutlines;
import org.ecgdigitizer.core.io.StrokeFont;

/**
 * The letters lead names are made of, rendered in every style the label reader compares: our
 * own {@link StrokeFont} (what our generator prints) in several pen widths and widths, and the
 * outline fonts of {@link GlyphOutlines} (DejaVu Sans as in
 * ecg-image-kit's pages, Arial/Helvetica-like sans fonts regular and bold, a Times-like serif, a
 * Courier-like monospace). Each letter is {@link #H} pixels tall from baseline to the top of the
 * capitals' ink, as wide as its ink, built once from the shipped data (no system fonts).
 */
final class LabelGlyphs {

	/** Ink height (cap height plus pen) that crops and letters are compared at, in pixels. */
	static final int H = 16;
	/** The letters of the vocabulary. */
	static final String LETTERS = "IaAVRLF123456789-";

	/** Pen widths (in ink heights) and horizontal scales of our stroke font's letters. */
	static final double[] PENS = { 0.09, 0.16, 0.24 };
	static final double[] WIDTHS = { 0.85, 1.0, 1.15 };

	/** letters[style][letter] */
	private static final List<Style> STYLES = build();

	private LabelGlyphs() {}

	/** One style: a name for diagnostics and its letters, indexed as {@link #LETTERS}. */
	static final class Style {
		final String name;
		final Letter[] letters;
		/** A real font's spacing is its own; our stroke font's varies with the printer. */
		final boolean outline;

		Style(String name, Letter[] letters, boolean outline) {
			this.name = name;
			this.letters = letters;
			this.outline = outline;
		}

		Letter letter(char c) {
			return letters[LETTERS.indexOf(c)];
		}
	}

	static List<Style> styles() {
		return STYLES;
	}

	/** One letter rendered H pixels tall (the box spans the capitals' ink), as wide as its ink. */
	static final class Letter {
		final float[] pixels;
		final int width;
		/** Where the box starts, and the advance, relative to the letter's origin (pixels at H). */
		final double left;
		final double advance;
		final double sum;
		final double sum2;
		/** The inked pixels: row, column, value, value squared. */
		final int[] inkY;
		final int[] inkX;
		final float[] inkValue;
		final float[] inkValue2;
		/**
		 * Per row y, the sums of the row's first j values (at y * (width + 1) + j), and of their
		 * squares: the letter's sums over any run of columns ({@link #columnSums}: over any run of
		 * rows). Sums of these values are exact in doubles in any order (multiples of 2^-39 below
		 * 2^10), so they equal the pixel-by-pixel sums.
		 */
		final double[] rowSums;
		final double[] rowSums2;
		/** Per column x, the sums of the column's first j values (at x * (H + 1) + j), and of their squares. */
		final double[] columnSums;
		final double[] columnSums2;

		Letter(float[] pixels, int width, double left, double advance) {
			this.pixels = pixels;
			this.width = width;
			this.left = left;
			this.advance = advance;
			double a = 0;
			double b = 0;
			int n = 0;
			for (float v : pixels) {
				a += v;
				b += v * v;
				if (v > 0) n++;
			}
			sum = a;
			sum2 = b;
			inkY = new int[n];
			inkX = new int[n];
			inkValue = new float[n];
			inkValue2 = new float[n];
			int k = 0;
			for (int i = 0; i < pixels.length; i++) {
				if (pixels[i] <= 0) continue;
				inkY[k] = i / width;
				inkX[k] = i % width;
				inkValue2[k] = pixels[i] * pixels[i];
				inkValue[k++] = pixels[i];
			}
			rowSums = new double[H * (width + 1)];
			rowSums2 = new double[rowSums.length];
			for (int y = 0; y < H; y++) {
				for (int x = 0; x < width; x++) {
					float v = pixels[y * width + x];
					rowSums[y * (width + 1) + x + 1] = rowSums[y * (width + 1) + x] + v;
					rowSums2[y * (width + 1) + x + 1] = rowSums2[y * (width + 1) + x] + v * v;
				}
			}
			columnSums = new double[width * (H + 1)];
			columnSums2 = new double[columnSums.length];
			for (int x = 0; x < width; x++) {
				for (int y = 0; y < H; y++) {
					float v = pixels[y * width + x];
					columnSums[x * (H + 1) + y + 1] = columnSums[x * (H + 1) + y] + v;
					columnSums2[x * (H + 1) + y + 1] = columnSums2[x * (H + 1) + y] + v * v;
				}
			}
		}
	}

	private static List<Style> build() {
		List<Style> out = new ArrayList<>();
		for (double pen : PENS) {
			for (double widthScale : WIDTHS) {
				Letter[] letters = new Letter[LETTERS.length()];
				for (int i = 0; i < letters.length; i++) letters[i] = stroke(LETTERS.charAt(i), pen, widthScale);
				out.add(new Style(String.format(java.util.Locale.ROOT, "stroke pen %.2f width %.2f", pen, widthScale),
					letters, false));
			}
		}
		for (GlyphOutlines.Style font : GlyphOutlines.styles()) {
			Letter[] letters = new Letter[LETTERS.length()];
			for (int i = 0; i < letters.length; i++) letters[i] = outline(font, LETTERS.charAt(i));
			out.add(new Style(font.name, letters, true));
		}
		return Collections.unmodifiableList(out);
	}

	/** A letter of our stroke font, so that capitals' ink is H pixels tall, cropped to its ink horizontally. */
	static Letter stroke(char c, double pen, double widthScale) {
		double penPx = pen * H;
		double cap = H - penPx;
		Path2D path = StrokeFont.glyphs(String.valueOf(c), 0, 0, cap);
		path.transform(AffineTransform.getScaleInstance(widthScale, 1));
		Rectangle2D b = path.getBounds2D();
		double inkX0 = b.getMinX() - penPx / 2;
		double inkX1 = b.getMaxX() + penPx / 2;
		int width = (int) Math.max(1, Math.ceil(inkX1 - inkX0));
		double shift = (width - (inkX1 - inkX0)) / 2 - inkX0;
		BufferedImage img = canvas(width);
		Graphics2D g = pen(img);
		g.setStroke(StrokeFont.stroke(cap, penPx / cap));
		// centre the ink in its box, baseline at the box bottom less half the pen
		g.translate(shift, H - penPx / 2);
		g.draw(path);
		g.dispose();
		return new Letter(pixels(img), width, -shift, StrokeFont.width(String.valueOf(c), cap) * widthScale);
	}

	/** A letter of an outline font, capitals H pixels tall, cropped to its ink horizontally. */
	static Letter outline(GlyphOutlines.Style font, char c) {
		Path2D path = font.glyph(c, 0, 0, H);
		Rectangle2D b = path.getBounds2D();
		int width = (int) Math.max(1, Math.ceil(b.getWidth()));
		double shift = (width - b.getWidth()) / 2 - b.getMinX();
		BufferedImage img = canvas(width);
		Graphics2D g = pen(img);
		g.translate(shift, H);
		g.fill(path);
		g.dispose();
		return new Letter(pixels(img), width, -shift, font.advance(c, H));
	}

	private static BufferedImage canvas(int width) {
		return new BufferedImage(width, H, BufferedImage.TYPE_BYTE_GRAY);
	}

	private static Graphics2D pen(BufferedImage img) {
		Graphics2D g = img.createGraphics();
		g.setColor(Color.BLACK);
		g.fillRect(0, 0, img.getWidth(), img.getHeight());
		g.setColor(Color.WHITE);
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
		return g;
	}

	private static float[] pixels(BufferedImage img) {
		byte[] raster = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
		float[] px = new float[raster.length];
		for (int i = 0; i < px.length; i++) px[i] = (raster[i] & 0xff) / 255f;
		return px;
	}
}
