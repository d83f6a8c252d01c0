package org.ecgdigitizer.core.io;

import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Outlines of the glyphs printed ECG lead names are made of (I, a, A, V, R, L, F, digits, minus)
 * in the typefaces that printers and page generators use: DejaVu Sans (matplotlib's default, so
 * ecg-image-kit's), Arial/Helvetica-like sans fonts (most carts), a Times-like serif and a
 * Courier-like monospace. They ship in the jar as {@code label-glyphs.txt}, derived from freely
 * licensed fonts (see {@code label-glyphs-NOTICE.txt}); no font is looked up at run time.
 */
public final class GlyphOutlines {

	/** The characters every style has. */
	public static final String CHARACTERS = "IaAVRLF123456789-";

	/** One typeface: its glyphs as outlines in em units. */
	public static final class Style {
		public final String name;
		/** Height of a flat capital, in em. */
		public final double capHeight;
		private final Map<Character, Path2D.Double> outlines = new HashMap<>();
		private final Map<Character, Double> advances = new HashMap<>();

		Style(String name, double capHeight) {
			this.name = name;
			this.capHeight = capHeight;
		}

		/**
		 * A glyph's outline for capitals {@code capPx} pixels tall, origin at (x, baseline y), y
		 * down (as Java2D draws); fill it with the non-zero rule.
		 */
		public Path2D.Double glyph(char c, double x, double y, double capPx) {
			Path2D.Double p = outlines.get(c);
			if (p == null) throw new IllegalArgumentException("no glyph '" + c + "' in " + name);
			double s = capPx / capHeight;
			Path2D.Double out = new Path2D.Double(p, new AffineTransform(s, 0, 0, -s, x, y));
			out.setWindingRule(Path2D.WIND_NON_ZERO);
			return out;
		}

		/** The glyph's advance for capitals {@code capPx} pixels tall. */
		public double advance(char c, double capPx) {
			return advances.get(c) * capPx / capHeight;
		}
	}

	private static final List<Style> STYLES = load();

	private GlyphOutlines() {}

	/** Every style, in the resource's order. */
	public static List<Style> styles() {
		return STYLES;
	}

	public static Style style(String name) {
		for (Style s : STYLES) if (s.name.equals(name)) return s;
		throw new IllegalArgumentException("no glyph style " + name);
	}

	private static List<Style> load() {
		List<Style> out = new ArrayList<>();
		try (InputStream in = GlyphOutlines.class.getResourceAsStream("label-glyphs.txt")) {
			if (in == null) throw new IllegalStateException("label-glyphs.txt is missing from the jar");
			BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			Style current = null;
			for (String line = r.readLine(); line != null; line = r.readLine()) {
				if (line.isEmpty() || line.startsWith("#")) continue;
				String[] t = line.trim().split(" +");
				if (t[0].equals("font")) {
					current = new Style(t[1], Double.parseDouble(t[3]));
					out.add(current);
					continue;
				}
				char c = t[1].charAt(0);
				current.advances.put(c, Double.parseDouble(t[2]));
				current.outlines.put(c, parse(t, 3));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return Collections.unmodifiableList(out);
	}

	private static Path2D.Double parse(String[] t, int from) {
		Path2D.Double p = new Path2D.Double(Path2D.WIND_NON_ZERO);
		int i = from;
		while (i < t.length) {
			String op = t[i++];
			switch (op) {
				case "M":
					p.moveTo(d(t[i]), d(t[i + 1]));
					i += 2;
					break;
				case "L":
					p.lineTo(d(t[i]), d(t[i + 1]));
					i += 2;
					break;
				case "Q":
					p.quadTo(d(t[i]), d(t[i + 1]), d(t[i + 2]), d(t[i + 3]));
					i += 4;
					break;
				case "C":
					p.curveTo(d(t[i]), d(t[i + 1]), d(t[i + 2]), d(t[i + 3]), d(t[i + 4]), d(t[i + 5]));
					i += 6;
					break;
				case "Z":
					p.closePath();
					break;
				default:
					throw new IllegalStateException("bad glyph path operator " + op);
			}
		}
		return p;
	}

	private static double d(String s) {
		return Double.parseDouble(s);
	}
}
