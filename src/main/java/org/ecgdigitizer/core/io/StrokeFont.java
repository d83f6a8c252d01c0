package org.ecgdigitizer.core.io;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A single-stroke sans-serif font drawn from our own centre-lines, so text on every image we make
 * looks the same on any machine, with or without system fonts. Proportions follow the
 * Helvetica/Arial family that ECG printers use: advance widths, an x-height of 0.73 cap heights,
 * descenders of 0.29. Callers stroke the centre-lines with a round pen; a pen of about 0.12 cap
 * heights looks like the regular weight, 0.2 like bold.
 *
 * <p>All sizes are given as the cap height in pixels; text starts at x and sits on baselineY
 * (image coordinates, y down). Characters the font lacks are drawn as an empty box.</p>
 */
public final class StrokeFont {

	/** Height of lower-case letters without ascenders, in cap heights. */
	public static final double X_HEIGHT = 0.73;
	/** Depth of descenders (g, p, y) below the baseline, in cap heights. */
	public static final double DESCENT = 0.29;
	/** A pen width (in cap heights) that gives the regular weight. */
	public static final double REGULAR_PEN = 0.12;

	/** Arcs are flattened into chords of at most this many degrees. */
	private static final double ARC_STEP = 6;

	/**
	 * Glyphs in glyph units (cap height 1, y up, x from the left edge of the advance). Each entry:
	 * character, advance width, then strokes separated by ';'. A stroke is a run of points "x,y"
	 * joined by straight lines and elliptical arcs "(cx,cy,rx,ry,a0,a1)" from angle a0 to a1 in
	 * degrees (counter-clockwise, y up); a line joins the current point to the start of an arc.
	 */
	private static final String[][] TABLE = {
		{ " ", ".387", "" },
		{ "A", ".929", "0.06,0 0.465,1 0.87,0; 0.18,0.29 0.75,0.29" },
		{ "B", ".929", "0.17,0 0.17,1 0.55,1 (0.55,0.765,0.235,0.235,90,-90) 0.17,0.53;"
			+ " 0.17,0.53 0.57,0.53 (0.57,0.265,0.265,0.265,90,-90) 0.17,0" },
		{ "C", "1.006", "(0.55,0.5,0.44,0.51,40,320)" },
		{ "D", "1.006", "0.17,0 0.17,1 0.47,1 (0.47,0.5,0.41,0.5,90,-90) 0.17,0" },
		{ "E", ".929", "0.80,1 0.17,1 0.17,0 0.82,0; 0.17,0.53 0.75,0.53" },
		{ "F", ".851", "0.78,1 0.17,1 0.17,0; 0.17,0.53 0.71,0.53" },
		{ "G", "1.084", "(0.57,0.5,0.46,0.51,40,330) 0.97,0.46 0.60,0.46" },
		{ "H", "1.006", "0.17,0 0.17,1; 0.84,0 0.84,1; 0.17,0.53 0.84,0.53" },
		{ "I", ".387", "0.19,0 0.19,1" },
		{ "J", ".696", "0.56,1 0.56,0.29 (0.33,0.29,0.23,0.30,0,-180)" },
		{ "K", ".929", "0.17,0 0.17,1; 0.85,1 0.17,0.33; 0.40,0.557 0.88,0" },
		{ "L", ".774", "0.17,1 0.17,0 0.72,0" },
		{ "M", "1.160", "0.15,0 0.15,1 0.58,0 1.01,1 1.01,0" },
		{ "N", "1.006", "0.17,0 0.17,1 0.84,0 0.84,1" },
		{ "O", "1.084", "(0.54,0.5,0.45,0.51,0,360)" },
		{ "P", ".929", "0.17,0 0.17,1 0.57,1 (0.57,0.745,0.255,0.255,90,-90) 0.17,0.49" },
		{ "Q", "1.084", "(0.54,0.5,0.45,0.51,0,360); 0.62,0.22 0.94,-0.06" },
		{ "R", "1.006", "0.17,0 0.17,1 0.58,1 (0.58,0.76,0.24,0.24,90,-90) 0.17,0.52; 0.55,0.52 0.87,0" },
		{ "S", ".929", "(0.47,0.745,0.31,0.245,25,270) (0.47,0.255,0.34,0.255,90,-155)" },
		{ "T", ".851", "0.06,1 0.79,1; 0.425,1 0.425,0" },
		{ "U", "1.006", "0.17,1 0.17,0.36 (0.505,0.36,0.335,0.37,180,360) 0.84,1" },
		{ "V", ".929", "0.05,1 0.465,0 0.88,1" },
		{ "W", "1.315", "0.04,1 0.33,0 0.658,1 0.985,0 1.275,1" },
		{ "X", ".929", "0.08,1 0.85,0; 0.85,1 0.08,0" },
		{ "Y", ".929", "0.06,1 0.465,0.44 0.87,1; 0.465,0.44 0.465,0" },
		{ "Z", ".851", "0.10,1 0.77,1 0.08,0 0.79,0" },
		{ "a", ".774", "(0.38,0.52,0.23,0.22,155,0) 0.61,0.06 0.67,0;"
			+ " 0.61,0.40 (0.37,0.20,0.23,0.20,75,330) 0.61,0.14" },
		{ "b", ".774", "0.15,1 0.15,0; (0.42,0.365,0.27,0.375,0,360)" },
		{ "c", ".696", "(0.39,0.365,0.29,0.375,40,320)" },
		{ "d", ".774", "0.62,1 0.62,0; (0.35,0.365,0.27,0.375,0,360)" },
		{ "e", ".774", "0.11,0.37 0.66,0.37 (0.385,0.365,0.275,0.375,0,320)" },
		{ "f", ".387", "0.39,0.975 (0.33,0.83,0.12,0.17,60,180) 0.21,0; 0.04,0.73 0.37,0.73" },
		{ "g", ".774", "0.62,0.73 0.62,-0.06 (0.38,-0.06,0.24,0.22,0,-160); (0.36,0.38,0.26,0.35,0,360)" },
		{ "h", ".774", "0.16,1 0.16,0; (0.405,0.48,0.245,0.25,180,0) 0.65,0" },
		{ "i", ".309", "0.155,0 0.155,0.73; 0.155,0.92 0.155,0.95" },
		{ "j", ".309", "0.155,0.73 0.155,-0.14 (0.02,-0.14,0.135,0.14,0,-90); 0.155,0.92 0.155,0.95" },
		{ "k", ".696", "0.15,1 0.15,0; 0.62,0.73 0.15,0.25; 0.33,0.43 0.66,0" },
		{ "l", ".309", "0.155,0 0.155,1" },
		{ "m", "1.160", "0.14,0 0.14,0.73; (0.34,0.5,0.2,0.23,180,0) 0.54,0; (0.78,0.5,0.24,0.23,180,0) 1.02,0" },
		{ "n", ".774", "0.16,0 0.16,0.73; (0.405,0.48,0.245,0.25,180,0) 0.65,0" },
		{ "o", ".774", "(0.387,0.365,0.275,0.375,0,360)" },
		{ "p", ".774", "0.15,0.73 0.15,-0.29; (0.42,0.365,0.27,0.375,0,360)" },
		{ "q", ".774", "0.62,0.73 0.62,-0.29; (0.35,0.365,0.27,0.375,0,360)" },
		{ "r", ".464", "0.15,0 0.15,0.73; (0.40,0.45,0.25,0.28,180,75)" },
		{ "s", ".696", "(0.35,0.545,0.22,0.18,25,270) (0.35,0.18,0.24,0.185,90,-155)" },
		{ "t", ".387", "0.19,0.94 0.19,0.12 (0.30,0.12,0.11,0.12,180,270) 0.36,0; 0.03,0.73 0.36,0.73" },
		{ "u", ".774", "0.15,0.73 0.15,0.25 (0.395,0.25,0.245,0.25,180,360) 0.64,0.73; 0.64,0.73 0.64,0" },
		{ "v", ".696", "0.05,0.73 0.348,0 0.646,0.73" },
		{ "w", "1.006", "0.03,0.73 0.26,0 0.503,0.73 0.746,0 0.976,0.73" },
		{ "x", ".696", "0.07,0.73 0.63,0; 0.63,0.73 0.07,0" },
		{ "y", ".696", "0.05,0.73 0.37,0; 0.65,0.73 0.31,-0.17 0.26,-0.25 0.17,-0.29 0.10,-0.29" },
		{ "z", ".696", "0.08,0.73 0.61,0.73 0.07,0 0.63,0" },
		{ "0", ".774", "(0.387,0.5,0.28,0.51,0,360)" },
		{ "1", ".774", "0.18,0.74 0.36,0.80 0.46,0.9 0.48,1 0.48,0" },
		{ "2", ".774", "(0.39,0.70,0.275,0.29,165,-20) 0.40,0.32 0.11,0 0.67,0" },
		{ "3", ".774", "(0.38,0.76,0.25,0.24,155,-90) 0.30,0.525; 0.30,0.525 (0.39,0.27,0.28,0.26,90,-155)" },
		{ "4", ".774", "0.58,0 0.58,1 0.07,0.30 0.72,0.30" },
		{ "5", ".774", "0.65,1 0.20,1 0.16,0.54 (0.40,0.32,0.27,0.32,140,-150)" },
		{ "6", ".774", "(0.41,0.48,0.28,0.52,45,195); (0.40,0.32,0.27,0.32,0,360)" },
		{ "7", ".774", "0.10,1 0.67,1 0.30,0" },
		{ "8", ".774", "(0.387,0.755,0.23,0.235,0,360); (0.387,0.27,0.27,0.27,0,360)" },
		{ "9", ".774", "(0.364,0.52,0.28,0.52,225,375); (0.374,0.68,0.27,0.32,0,360)" },
		{ ".", ".387", "0.19,0.03 0.19,0.05" },
		{ ",", ".387", "0.20,0.05 0.20,0 0.13,-0.15" },
		{ ":", ".387", "0.19,0.03 0.19,0.05; 0.19,0.68 0.19,0.70" },
		{ ";", ".387", "0.20,0.05 0.20,0 0.13,-0.15; 0.20,0.68 0.20,0.70" },
		{ "-", ".464", "0.08,0.39 0.38,0.39" },
		{ "/", ".387", "0,-0.03 0.39,1.03" },
		{ "(", ".464", "(0.62,0.36,0.42,0.80,125,235)" },
		{ ")", ".464", "(-0.156,0.36,0.42,0.80,55,-55)" },
		{ "[", ".387", "0.33,1.02 0.14,1.02 0.14,-0.28 0.33,-0.28" },
		{ "]", ".387", "0.057,1.02 0.247,1.02 0.247,-0.28 0.057,-0.28" },
		{ "+", ".813", "0.41,0.10 0.41,0.72; 0.10,0.41 0.72,0.41" },
		{ "=", ".813", "0.12,0.28 0.70,0.28; 0.12,0.55 0.70,0.55" },
		{ "<", ".813", "0.70,0.70 0.12,0.41 0.70,0.12" },
		{ ">", ".813", "0.11,0.70 0.69,0.41 0.11,0.12" },
		{ "%", "1.238", "(0.30,0.74,0.17,0.25,0,360); (0.94,0.25,0.17,0.25,0,360); 0.26,-0.02 0.98,1.02" },
		{ "'", ".266", "0.133,1 0.133,0.70" },
		{ "\"", ".494", "0.14,1 0.14,0.70; 0.35,1 0.35,0.70" },
		{ "_", ".774", "0,-0.2 0.774,-0.2" },
		{ "#", ".774", "0.24,0 0.36,1; 0.50,0 0.62,1; 0.07,0.32 0.70,0.32; 0.10,0.66 0.73,0.66" },
		{ "!", ".387", "0.19,1 0.19,0.28; 0.19,0.03 0.19,0.05" },
		{ "?", ".774", "(0.39,0.73,0.26,0.26,160,-40) 0.39,0.42 0.39,0.28; 0.39,0.03 0.39,0.05" },
		{ "*", ".542", "0.27,1 0.27,0.64; 0.11,0.91 0.43,0.73; 0.43,0.91 0.11,0.73" },
		{ "~", ".813", "(0.26,0.36,0.16,0.10,180,0) (0.56,0.46,0.16,0.10,180,360)" },
		{ "\u00b0", ".557", "(0.28,0.83,0.15,0.15,0,360)" },
		{ "\u00b5", ".774", "0.15,0.73 0.15,-0.29; 0.15,0.25 (0.395,0.25,0.245,0.25,180,360) 0.64,0.73; 0.64,0.73 0.64,0" },
	};

	/** What a character the font lacks is drawn as: an empty box. */
	private static final Glyph MISSING = parse(".70", "0.12,0 0.12,1 0.58,1 0.58,0 0.12,0");

	private static final Map<Character, Glyph> GLYPHS = build();

	/** One glyph: advance width and centre-line polylines (x0, y0, x1, y1, ...) in glyph units. */
	private static final class Glyph {
		final double advance;
		final List<double[]> strokes;

		Glyph(double advance, List<double[]> strokes) {
			this.advance = advance;
			this.strokes = strokes;
		}
	}

	private StrokeFont() {}

	/** The characters the font draws (besides the empty box for others). */
	public static Set<Character> characters() {
		return Collections.unmodifiableSet(new TreeSet<>(GLYPHS.keySet()));
	}

	public static boolean has(char c) {
		return GLYPHS.containsKey(c);
	}

	/** Advance width of the text in pixels (centre-line layout; a pen adds half its width at each end). */
	public static double width(String text, double capHeightPx) {
		double units = 0;
		for (int i = 0; i < text.length(); i++) units += glyph(text.charAt(i)).advance;
		return units * capHeightPx;
	}

	/** The centre-lines of the text, starting at x on the baseline; stroke them with {@link #pen}. */
	public static Path2D.Double outline(String text, double x, double baselineY, double capHeightPx) {
		return outline(text, x, baselineY, capHeightPx, 1, 0);
	}

	/**
	 * The centre-lines, stretched horizontally by widthScale (below 1: condensed) and slanted by
	 * slant (x shift per unit of height above the baseline; 0.2 is a usual oblique).
	 */
	public static Path2D.Double outline(String text, double x, double baselineY, double capHeightPx,
		double widthScale, double slant)
	{
		Path2D.Double path = new Path2D.Double();
		double pen = x;
		double sx = capHeightPx * widthScale;
		for (int i = 0; i < text.length(); i++) {
			Glyph g = glyph(text.charAt(i));
			for (double[] s : g.strokes) {
				for (int k = 0; k < s.length; k += 2) {
					double gy = s[k + 1];
					double px = pen + s[k] * sx + slant * gy * capHeightPx;
					double py = baselineY - gy * capHeightPx;
					if (k == 0) path.moveTo(px, py);
					else path.lineTo(px, py);
				}
			}
			pen += g.advance * sx;
		}
		return path;
	}

	/** A round pen of the given width, as the centre-lines are meant to be stroked. */
	public static BasicStroke pen(float widthPx) {
		return new BasicStroke(widthPx, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
	}

	/** Draws the text in the graphics' current colour, anti-aliased, with a round pen. */
	public static void draw(Graphics2D g, String text, double x, double baselineY, double capHeightPx,
		float penWidthPx)
	{
		Object aa = g.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
		Object sc = g.getRenderingHint(RenderingHints.KEY_STROKE_CONTROL);
		java.awt.Stroke stroke = g.getStroke();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
		g.setStroke(pen(penWidthPx));
		g.draw(outline(text, x, baselineY, capHeightPx));
		g.setStroke(stroke);
		if (aa != null) g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, aa);
		if (sc != null) g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, sc);
	}

	private static Glyph glyph(char c) {
		if (c == '\t') c = ' ';
		Glyph g = GLYPHS.get(c);
		return g == null ? MISSING : g;
	}

	private static Map<Character, Glyph> build() {
		Map<Character, Glyph> m = new HashMap<>();
		for (String[] row : TABLE) m.put(row[0].charAt(0), parse(row[1], row[2]));
		return m;
	}

	private static Glyph parse(String advance, String spec) {
		List<double[]> strokes = new ArrayList<>();
		for (String stroke : spec.split(";")) {
			String s = stroke.trim();
			if (s.isEmpty()) continue;
			List<Double> pts = new ArrayList<>();
			int i = 0;
			while (i < s.length()) {
				char c = s.charAt(i);
				if (c == ' ') {
					i++;
				}
				else if (c == '(') {
					int end = s.indexOf(')', i);
					String[] a = s.substring(i + 1, end).split(",");
					double cx = Double.parseDouble(a[0]);
					double cy = Double.parseDouble(a[1]);
					double rx = Double.parseDouble(a[2]);
					double ry = Double.parseDouble(a[3]);
					double a0 = Double.parseDouble(a[4]);
					double a1 = Double.parseDouble(a[5]);
					int n = (int) Math.max(2, Math.ceil(Math.abs(a1 - a0) / ARC_STEP));
					for (int k = 0; k <= n; k++) {
						double t = Math.toRadians(a0 + (a1 - a0) * k / n);
						pts.add(cx + rx * Math.cos(t));
						pts.add(cy + ry * Math.sin(t));
					}
					i = end + 1;
				}
				else {
					int end = s.indexOf(' ', i);
					if (end < 0) end = s.length();
					String[] xy = s.substring(i, end).split(",");
					pts.add(Double.parseDouble(xy[0]));
					pts.add(Double.parseDouble(xy[1]));
					i = end;
				}
			}
			double[] arr = new double[pts.size()];
			for (int k = 0; k < arr.length; k++) arr[k] = pts.get(k);
			strokes.add(arr);
		}
		return new Glyph(Double.parseDouble(advance), strokes);
	}
}
