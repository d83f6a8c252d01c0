package org.ecgdigitizer.core.io;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ecgdigitizer.core.Box;

/**
 * The project's own single-stroke sans-serif font for printable ASCII, so that page text looks
 * the same on every machine and no font is loaded at run time.
 *
 * <p>Glyphs are polylines (arcs are flattened in 6 degree steps) on a grid where the cap height
 * is 1, the x-height 0.72 and descenders reach -0.24, with Helvetica-like letterforms and
 * proportional advances that include the side bearings. Sizes are given as the cap height in
 * pixels, measured on the stroke centre lines: the ink of a capital is one stroke width taller.
 * Draw the strokes with {@link #stroke}: round caps and joins, width 0.08 (light) to 0.14 (bold)
 * of the cap height.</p>
 */
public final class StrokeFont {

	/** Stroke width as a fraction of the cap height, for regular text. */
	public static final double REGULAR = 0.1;
	/** Stroke width as a fraction of the cap height, for bold text. */
	public static final double BOLD = 0.14;

	public static final double X_HEIGHT = 0.72;
	public static final double DESCENDER = -0.24;

	private static final double ARC_STEP_DEGREES = 6;

	/** Glyph outlines of ASCII 32-126, as polylines in em units (y up). */
	private static final double[][][] POLYLINES = new double[95][][];
	private static final double[] ADVANCE = new double[95];

	static {
		define(' ', 0.36, "");
		define('!', 0.3, "M .15 1 L .15 .3 D .15 0");
		define('"', 0.46, "M .13 1 L .13 .72 M .33 1 L .33 .72");
		define('#', 0.8, "M .33 1 L .23 0 M .6 1 L .5 0 M .1 .66 L .74 .66 M .07 .34 L .71 .34");
		define('$', 0.8, "A .39 .73 .25 .23 20 270 A .39 .27 .27 .23 90 -155 M .39 1.1 L .39 -.1");
		define('%', 1.0, "A .24 .76 .14 .22 0 360 M .78 1 L .2 0 M .9 .24 A .76 .24 .14 .22 0 360");
		define('&', 0.9, "M .8 0 L .27 .6 A .38 .8 .15 .2 227 -40 L .17 .3 A .34 .22 .2 .22 155 305 L .72 .36");
		define('\'', 0.26, "M .13 1 L .13 .72");
		define('(', 0.42, "A .52 .4 .32 .72 123 237");
		define(')', 0.42, "A -.1 .4 .32 .72 57 -57");
		define('*', 0.6, "M .3 1 L .3 .62 M .12 .91 L .48 .71 M .48 .91 L .12 .71");
		define('+', 0.8, "M .08 .4 L .72 .4 M .4 .08 L .4 .72");
		define(',', 0.3, "M .15 .02 L .15 0 L .09 -.16");
		define('-', 0.52, "M .1 .38 L .42 .38");
		define('.', 0.3, "D .15 0");
		define('/', 0.52, "M .48 1 L .04 -.04");
		define('0', 0.78, "A .39 .5 .27 .5 0 360");
		define('1', 0.78, "M .18 .76 L .27 .81 L .38 .88 L .47 1 L .47 0");
		define('2', 0.78, "A .39 .71 .26 .29 165 -38 L .12 0 L .68 0");
		define('3', 0.78, "M .29 .54 L .38 .54 A .38 .77 .24 .23 -90 155 M .38 .54 A .38 .27 .28 .27 90 -155");
		define('4', 0.78, "M .56 0 L .56 1 L .06 .3 L .72 .3");
		define('5', 0.78, "M .66 1 L .2 1 L .16 .53 A .39 .32 .28 .32 138 -150");
		define('6', 0.78, "A .41 .32 .27 .32 0 360 M .6 .88 A .42 .5 .28 .5 50 196");
		define('7', 0.78, "M .09 1 L .69 1 L .31 0");
		define('8', 0.78, "A .39 .76 .23 .24 0 360 M .39 .52 A .39 .26 .27 .26 90 450");
		define('9', 0.78, "A .37 .68 .27 .32 0 360 M .18 .117 A .36 .5 .28 .5 230 376");
		define(':', 0.3, "D .15 .52 D .15 0");
		define(';', 0.3, "D .15 .52 M .15 .02 L .15 0 L .09 -.16");
		define('<', 0.8, "M .7 .72 L .1 .4 L .7 .08");
		define('=', 0.8, "M .1 .52 L .7 .52 M .1 .28 L .7 .28");
		define('>', 0.8, "M .1 .72 L .7 .4 L .1 .08");
		define('?', 0.74, "A .37 .74 .24 .25 160 -40 L .37 .48 L .37 .3 D .37 0");
		define('@', 1.14, "A .55 .42 .15 .2 0 360 M .7 .62 L .7 .3 A .8 .3 .1 .12 180 330 A .56 .42 .46 .5 -20 330");
		define('A', 0.86, "M .06 0 L .43 1 L .8 0 M .19 .33 L .67 .33");
		define('B', 0.84, "M .12 .52 L .47 .52 A .47 .76 .24 .24 -90 90 L .12 1 L .12 0 L .5 0 A .5 .26 .26 .26 -90 90 L .47 .52");
		define('C', 0.92, "A .49 .5 .38 .5 38 322");
		define('D', 0.9, "M .12 1 L .12 0 L .4 0 A .4 .5 .38 .5 -90 90 L .12 1");
		define('E', 0.78, "M .68 1 L .12 1 L .12 0 L .68 0 M .12 .52 L .62 .52");
		define('F', 0.72, "M .66 1 L .12 1 L .12 0 M .12 .52 L .6 .52");
		define('G', 0.96, "A .5 .5 .39 .5 38 345 L .89 .44 L .56 .44");
		define('H', 0.9, "M .12 0 L .12 1 M .78 0 L .78 1 M .12 .52 L .78 .52");
		define('I', 0.36, "M .18 0 L .18 1");
		define('J', 0.68, "M .54 1 L .54 .3 A .32 .3 .22 .3 0 -165");
		define('K', 0.84, "M .12 0 L .12 1 M .76 1 L .12 .36 M .35 .59 L .78 0");
		define('L', 0.7, "M .12 1 L .12 0 L .64 0");
		define('M', 1.02, "M .12 0 L .12 1 L .51 0 L .9 1 L .9 0");
		define('N', 0.9, "M .12 0 L .12 1 L .78 0 L .78 1");
		define('O', 0.98, "A .49 .5 .38 .5 0 360");
		define('P', 0.82, "M .12 0 L .12 1 L .48 1 A .48 .74 .26 .26 90 -90 L .12 .48");
		define('Q', 0.98, "A .49 .5 .38 .5 0 360 M .58 .22 L .88 -.06");
		define('R', 0.86, "M .12 0 L .12 1 L .48 1 A .48 .755 .245 .245 90 -90 L .12 .51 M .46 .51 L .76 0");
		define('S', 0.84, "A .42 .745 .28 .255 28 270 A .42 .255 .3 .255 90 -152");
		define('T', 0.78, "M .06 1 L .72 1 M .39 1 L .39 0");
		define('U', 0.9, "M .12 1 L .12 .34 A .45 .34 .33 .34 180 360 L .78 1");
		define('V', 0.86, "M .05 1 L .43 0 L .81 1");
		define('W', 1.16, "M .05 1 L .3 0 L .58 1 L .86 0 L 1.11 1");
		define('X', 0.84, "M .08 1 L .76 0 M .76 1 L .08 0");
		define('Y', 0.84, "M .06 1 L .42 .46 L .78 1 M .42 .46 L .42 0");
		define('Z', 0.8, "M .1 1 L .7 1 L .08 0 L .72 0");
		define('[', 0.44, "M .36 1.06 L .14 1.06 L .14 -.2 L .36 -.2");
		define('\\', 0.52, "M .04 1 L .48 -.04");
		define(']', 0.44, "M .08 1.06 L .3 1.06 L .3 -.2 L .08 -.2");
		define('^', 0.76, "M .12 .6 L .38 1 L .64 .6");
		define('_', 0.72, "M .02 -.2 L .7 -.2");
		define('`', 0.4, "M .12 1 L .26 .84");
		define('a', 0.78, "A .38 .5 .26 .22 160 0 L .64 0 M .64 .41 L .38 .4 A .38 .2 .26 .2 90 340");
		define('b', 0.8, "M .12 1 L .12 0 M .72 .36 A .42 .36 .3 .36 0 360");
		define('c', 0.74, "A .41 .36 .29 .36 40 320");
		define('d', 0.8, "M .68 1 L .68 0 M .68 .36 A .38 .36 .3 .36 0 360");
		define('e', 0.78, "M .11 .36 L .69 .36 A .4 .36 .29 .36 0 318");
		define('f', 0.48, "M .2 0 L .2 .8 A .38 .8 .18 .2 180 58 M .04 .72 L .42 .72");
		define('g', 0.8, "A .38 .38 .3 .34 0 360 M .68 .72 L .68 -.04 A .4 -.04 .28 .2 0 -160");
		define('h', 0.76, "M .12 1 L .12 0 M .12 .46 A .38 .46 .26 .26 180 0 L .64 0");
		define('i', 0.26, "M .13 0 L .13 .72 D .13 .94");
		define('j', 0.28, "M .15 .72 L .15 -.1 A 0 -.1 .15 .14 0 -110 D .15 .94");
		define('k', 0.7, "M .12 1 L .12 0 M .62 .72 L .12 .24 M .3 .41 L .64 0");
		define('l', 0.26, "M .13 0 L .13 1");
		define('m', 0.98, "M .12 0 L .12 .72 M .12 .5 A .31 .5 .19 .22 180 0 L .5 0 M .5 .5 A .69 .5 .19 .22 180 0 L .88 0");
		define('n', 0.76, "M .12 0 L .12 .72 M .12 .46 A .38 .46 .26 .26 180 0 L .64 0");
		define('o', 0.8, "A .4 .36 .29 .36 0 360");
		define('p', 0.8, "M .12 .72 L .12 -.24 M .72 .36 A .42 .36 .3 .36 0 360");
		define('q', 0.8, "M .68 .72 L .68 -.24 M .68 .36 A .38 .36 .3 .36 0 360");
		define('r', 0.48, "M .12 0 L .12 .72 M .12 .42 A .37 .42 .25 .3 180 78");
		define('s', 0.72, "A .37 .54 .22 .18 25 270 A .37 .18 .24 .18 90 -155");
		define('t', 0.48, "M .22 .94 L .22 .12 A .36 .12 .14 .12 180 270 L .44 0 M .04 .72 L .42 .72");
		define('u', 0.76, "M .12 .72 L .12 .26 A .38 .26 .26 .26 180 360 M .64 .72 L .64 0");
		define('v', 0.7, "M .06 .72 L .35 0 L .64 .72");
		define('w', 0.92, "M .05 .72 L .25 0 L .46 .72 L .67 0 L .87 .72");
		define('x', 0.68, "M .08 .72 L .6 0 M .6 .72 L .08 0");
		define('y', 0.72, "M .06 .72 L .36 .02 M .66 .72 L .33 -.12 L .28 -.2 L .22 -.24 L .14 -.24");
		define('z', 0.7, "M .08 .72 L .6 .72 L .08 0 L .62 0");
		define('{', 0.52, "M .42 1.06 L .33 1.03 L .28 .95 L .28 .52 L .22 .45 L .12 .43 L .22 .41 L .28 .34 " +
			"L .28 -.09 L .33 -.17 L .42 -.2");
		define('|', 0.28, "M .14 1.06 L .14 -.2");
		define('}', 0.52, "M .1 1.06 L .19 1.03 L .24 .95 L .24 .52 L .3 .45 L .4 .43 L .3 .41 L .24 .34 " +
			"L .24 -.09 L .19 -.17 L .1 -.2");
		define('~', 0.8, "M .08 .36 L .17 .45 L .28 .48 L .4 .43 L .52 .37 L .63 .35 L .72 .44");
	}

	private StrokeFont() {}

	/**
	 * The centre lines of the text's strokes, in pixels (y down).
	 *
	 * @param x left edge of the first glyph's advance box
	 * @param baselineY the baseline
	 * @param capHeightPx height of capitals and digits, stroke centre to stroke centre
	 */
	public static Path2D glyphs(String text, double x, double baselineY, double capHeightPx) {
		Path2D.Double path = new Path2D.Double();
		double pen = x;
		for (int k = 0; k < text.length(); k++) {
			int index = index(text.charAt(k));
			for (double[] line : POLYLINES[index]) {
				path.moveTo(pen + line[0] * capHeightPx, baselineY - line[1] * capHeightPx);
				for (int j = 2; j < line.length; j += 2) {
					path.lineTo(pen + line[j] * capHeightPx, baselineY - line[j + 1] * capHeightPx);
				}
			}
			pen += ADVANCE[index] * capHeightPx;
		}
		return path;
	}

	/** Advance width of the text: where the next glyph would start. */
	public static double width(String text, double capHeightPx) {
		double w = 0;
		for (int k = 0; k < text.length(); k++) w += ADVANCE[index(text.charAt(k))];
		return w * capHeightPx;
	}

	/** The stroke to draw glyphs with: round caps and joins, {@code weight} times the cap height wide. */
	public static BasicStroke stroke(double capHeightPx, double weight) {
		return new BasicStroke((float) (weight * capHeightPx), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
	}

	/** Draws the text in the graphics' current paint. */
	public static void draw(Graphics2D g, String text, double x, double baselineY, double capHeightPx, double weight) {
		java.awt.Stroke old = g.getStroke();
		g.setStroke(stroke(capHeightPx, weight));
		g.draw(glyphs(text, x, baselineY, capHeightPx));
		g.setStroke(old);
	}

	/** The inked area of the text drawn with the given weight, or null for text without ink. */
	public static Box inkBounds(String text, double x, double baselineY, double capHeightPx, double weight) {
		Path2D path = glyphs(text, x, baselineY, capHeightPx);
		if (path.getCurrentPoint() == null) return null;
		Shape ink = stroke(capHeightPx, weight).createStrokedShape(path);
		Rectangle2D b = ink.getBounds2D();
		return new Box(b.getX(), b.getY(), b.getWidth(), b.getHeight());
	}

	/** Whether the font has a glyph of its own for the character (others are drawn as '?'). */
	public static boolean hasGlyph(char c) {
		return c >= 32 && c <= 126;
	}

	private static int index(char c) {
		return hasGlyph(c) ? c - 32 : '?' - 32;
	}

	/**
	 * Parses a glyph: "M x y" moves, "L x y" draws a line, "D x y" is a dot, and
	 * "A cx cy rx ry from to" an elliptical arc (degrees, counterclockwise with y up; a
	 * decreasing range runs clockwise) joined to the current line when there is one.
	 */
	private static void define(char c, double advance, String spec) {
		List<double[]> lines = new ArrayList<>();
		List<Double> current = new ArrayList<>();
		String[] t = spec.trim().isEmpty() ? new String[0] : spec.trim().split("\\s+");
		int i = 0;
		while (i < t.length) {
			String op = t[i++];
			switch (op) {
				case "M":
					flush(current, lines);
					current.add(num(t[i++]));
					current.add(num(t[i++]));
					break;
				case "L":
					current.add(num(t[i++]));
					current.add(num(t[i++]));
					break;
				case "D": {
					flush(current, lines);
					double x = num(t[i++]), y = num(t[i++]);
					// A very short stroke: with round caps it draws a round dot.
					lines.add(new double[] { x, y, x, y + 0.02 });
					break;
				}
				case "A": {
					double cx = num(t[i++]), cy = num(t[i++]), rx = num(t[i++]), ry = num(t[i++]);
					double from = num(t[i++]), to = num(t[i++]);
					int steps = (int) Math.ceil(Math.abs(to - from) / ARC_STEP_DEGREES);
					for (int s = 0; s <= steps; s++) {
						double a = (from + (to - from) * s / steps) * (Math.PI / 180);
						double x = cx + rx * StrictMath.cos(a), y = cy + ry * StrictMath.sin(a);
						int n = current.size();
						if (s == 0 && n >= 2 && Math.abs(current.get(n - 2) - x) < 1e-9 &&
							Math.abs(current.get(n - 1) - y) < 1e-9) continue;
						current.add(x);
						current.add(y);
					}
					break;
				}
				default:
					throw new IllegalStateException(String.format(Locale.ROOT, "Bad glyph op '%s' for '%c'", op, c));
			}
		}
		flush(current, lines);
		POLYLINES[c - 32] = lines.toArray(new double[0][]);
		ADVANCE[c - 32] = advance;
	}

	private static void flush(List<Double> current, List<double[]> lines) {
		if (current.size() >= 4) {
			double[] line = new double[current.size()];
			for (int k = 0; k < line.length; k++) line[k] = current.get(k);
			lines.add(line);
		}
		current.clear();
	}

	private static double num(String s) {
		return Double.parseDouble(s);
	}
}
