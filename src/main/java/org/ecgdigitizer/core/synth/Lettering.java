package org.ecgdigitizer.core.synth;

import java.awt.geom.Path2D;
import java.util.HashMap;
import java.util.Map;

/**
 * All text of a synthetic page goes through here, as stroked vector outlines (never system
 * fonts, so pages are identical on every machine).
 *
 * <p>Interim single-stroke capitals on a 4 x 6 grid, until the project's StrokeFont lands;
 * lower-case letters are drawn as smaller capitals.</p>
 */
final class Lettering {

	/** Polylines separated by ';', points "x,y" on a grid 4 wide and 6 tall, y up from the baseline. */
	private static final Map<Character, String> GLYPHS = new HashMap<>();

	static {
		String[] defs = {
			"A0,0 0,4 2,6 4,4 4,0;0,3 4,3", "B0,0 0,6 3,6 4,5 4,4 3,3 0,3;3,3 4,2 4,1 3,0 0,0",
			"C4,6 0,6 0,0 4,0", "D0,0 0,6 3,6 4,5 4,1 3,0 0,0", "E4,6 0,6 0,0 4,0;0,3 3,3", "F4,6 0,6 0,0;0,3 3,3",
			"G4,6 0,6 0,0 4,0 4,3 2,3", "H0,0 0,6;4,0 4,6;0,3 4,3", "I1,6 3,6;2,6 2,0;1,0 3,0",
			"J4,6 4,0 0,0 0,2", "K0,0 0,6;4,6 0,2;1,3 4,0", "L0,6 0,0 4,0", "M0,0 0,6 2,3 4,6 4,0",
			"N0,0 0,6 4,0 4,6", "O0,0 0,6 4,6 4,0 0,0", "P0,0 0,6 4,6 4,3 0,3", "Q0,0 0,6 4,6 4,0 0,0;2,2 4,-1",
			"R0,0 0,6 4,6 4,3 0,3;1,3 4,0", "S4,6 0,6 0,3 4,3 4,0 0,0", "T0,6 4,6;2,6 2,0", "U0,6 0,0 4,0 4,6",
			"V0,6 2,0 4,6", "W0,6 1,0 2,4 3,0 4,6", "X0,0 4,6;0,6 4,0", "Y0,6 2,3 4,6;2,3 2,0", "Z0,6 4,6 0,0 4,0",
			"00,0 0,6 4,6 4,0 0,0;0,0 4,6", "11,5 2,6 2,0;1,0 3,0", "20,6 4,6 4,3 0,3 0,0 4,0", "30,6 4,6 4,0 0,0;1,3 4,3",
			"40,6 0,3 4,3;4,6 4,0", "54,6 0,6 0,3 4,3 4,0 0,0", "64,6 0,6 0,0 4,0 4,3 0,3", "70,6 4,6 1,0",
			"80,0 0,6 4,6 4,0 0,0;0,3 4,3", "94,3 0,3 0,6 4,6 4,0 0,0", ":2,0.6 2,1.1;2,3.9 2,4.4", "-1,3 3,3",
			".2,0 2,0.5", ",2,0.5 1.5,-1", "/0,0 4,6", "(3,6 2,4 2,2 3,0", ")1,6 2,4 2,2 1,0", "+0,3 4,3;2,1 2,5",
			"=0,2 4,2;0,4 4,4", "%0,0 4,6;0,6 0,5;4,1 4,0", "'2,6 2,5", "_0,0 4,0"
		};
		for (String d : defs) GLYPHS.put(d.charAt(0), d.substring(1));
	}

	private static final double ADVANCE = 5.2;
	private static final double LOWER_SCALE = 0.72;

	private Lettering() {}

	/** Outlines of the text starting at x on the baseline; stroke them with a round-capped pen. */
	static Path2D glyphs(String text, double x, double baselineY, double capHeightPx) {
		Path2D path = new Path2D.Double();
		double unit = capHeightPx / 6;
		double pen = x;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			char upper = Character.toUpperCase(c);
			double scale = Character.isLowerCase(c) ? LOWER_SCALE : 1;
			String def = GLYPHS.get(upper);
			if (def != null) {
				for (String stroke : def.split(";")) {
					String[] points = stroke.trim().split(" ");
					for (int p = 0; p < points.length; p++) {
						String[] xy = points[p].split(",");
						double px = pen + Double.parseDouble(xy[0]) * unit * scale;
						double py = baselineY - Double.parseDouble(xy[1]) * unit * scale;
						if (p == 0) path.moveTo(px, py);
						else path.lineTo(px, py);
					}
					if (points.length == 1) path.lineTo(path.getCurrentPoint().getX() + 0.01, path.getCurrentPoint().getY());
				}
			}
			pen += advance(c) * unit;
		}
		return path;
	}

	/** Width of the text in pixels at a cap height. */
	static double width(String text, double capHeightPx) {
		double unit = capHeightPx / 6;
		double w = 0;
		for (int i = 0; i < text.length(); i++) w += advance(text.charAt(i)) * unit;
		return text.isEmpty() ? 0 : w - 1.2 * unit;
	}

	private static double advance(char c) {
		if (c == ' ') return 3.5;
		return Character.isLowerCase(c) ? ADVANCE * LOWER_SCALE + 0.4 : ADVANCE;
	}
}
