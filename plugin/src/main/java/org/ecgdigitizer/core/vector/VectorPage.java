package org.ecgdigitizer.core.vector;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a PDF page was drawn with, in page millimetres (origin top left, y down, as the page is
 * shown): the stroked and filled paths with their colour and width, the text with its position,
 * and where images were placed. PDF coordinates are exact, so these are the printer's own.
 */
public final class VectorPage {

	/** One subpath: a polyline (curves flattened) with its paint. */
	public static final class Path {
		public final double[] x;
		public final double[] y;
		/** Stroke (or fill) colour, packed RGB. */
		public final int rgb;
		/** Line width in mm; 0 for a fill. */
		public final double widthMm;
		public final boolean filled;

		public Path(double[] x, double[] y, int rgb, double widthMm, boolean filled) {
			this.x = x;
			this.y = y;
			this.rgb = rgb;
			this.widthMm = widthMm;
			this.filled = filled;
		}

		public int size() {
			return x.length;
		}

		public double minX() {
			double m = Double.POSITIVE_INFINITY;
			for (double v : x) m = Math.min(m, v);
			return m;
		}

		public double maxX() {
			double m = Double.NEGATIVE_INFINITY;
			for (double v : x) m = Math.max(m, v);
			return m;
		}

		public double minY() {
			double m = Double.POSITIVE_INFINITY;
			for (double v : y) m = Math.min(m, v);
			return m;
		}

		public double maxY() {
			double m = Double.NEGATIVE_INFINITY;
			for (double v : y) m = Math.max(m, v);
			return m;
		}
	}

	/** A run of text on one line: its characters, baseline start and height (the font size) in mm. */
	public static final class Text {
		public final String text;
		public final double x;
		public final double y;
		public final double endX;
		public final double sizeMm;

		public Text(String text, double x, double y, double endX, double sizeMm) {
			this.text = text;
			this.x = x;
			this.y = y;
			this.endX = endX;
			this.sizeMm = sizeMm;
		}

		@Override
		public String toString() {
			return String.format(java.util.Locale.ROOT, "'%s'@(%.1f, %.1f)", text, x, y);
		}
	}

	/** An image placed on the page: its box in mm and its size in pixels. */
	public static final class Image {
		public final double x;
		public final double y;
		public final double width;
		public final double height;
		public final int pixelWidth;
		public final int pixelHeight;
		/** Drawn upright, unflipped and unrotated, so its pixels are the page's as they are. */
		public final boolean upright;

		public Image(double x, double y, double width, double height, int pixelWidth, int pixelHeight,
			boolean upright)
		{
			this.x = x;
			this.y = y;
			this.width = width;
			this.height = height;
			this.pixelWidth = pixelWidth;
			this.pixelHeight = pixelHeight;
			this.upright = upright;
		}
	}

	public final double widthMm;
	public final double heightMm;
	public final List<Path> paths;
	public final List<Text> texts;
	public final List<Image> images;

	public VectorPage(double widthMm, double heightMm, List<Path> paths, List<Text> texts, List<Image> images) {
		this.widthMm = widthMm;
		this.heightMm = heightMm;
		this.paths = Collections.unmodifiableList(new ArrayList<>(paths));
		this.texts = Collections.unmodifiableList(new ArrayList<>(texts));
		this.images = Collections.unmodifiableList(new ArrayList<>(images));
	}

	/** The largest image's share of the page area (0 when there is none). */
	public double largestImageShare() {
		double best = 0;
		for (Image i : images) best = Math.max(best, i.width * i.height / (widthMm * heightMm));
		return best;
	}
}
