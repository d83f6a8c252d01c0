package org.ecgdigitizer.core.io;

import java.awt.Font;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.PathIterator;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;

/**
 * Writes {@link GlyphOutlines}' resource: the outlines of the few glyphs lead labels are made of,
 * taken from freely licensed TrueType fonts installed from Debian packages
 * ({@code fonts-dejavu-core}, {@code fonts-liberation2}, {@code fonts-freefont-ttf}). Not a test
 * and not part of the build: the output is committed. Run it after {@code mvn test-compile} with
 * {@code java -cp plugin/target/classes:plugin/target/test-classes org.ecgdigitizer.core.io.GlyphOutlineExport plugin/src/main/resources/org/ecgdigitizer/core/io/label-glyphs.txt}.
 * The fonts are read from their files ({@code Font.createFont}), never looked up among the
 * system's fonts.
 */
public final class GlyphOutlineExport {

	/** Our name of each style, its file, and the font it was derived from (for the notice). */
	static final String[][] FONTS = {
		{ "dejavu-sans", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf" },
		{ "dejavu-sans-bold", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf" },
		{ "arial-metric", "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf" },
		{ "arial-metric-bold", "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf" },
		{ "free-sans", "/usr/share/fonts/truetype/freefont/FreeSans.ttf" },
		{ "free-sans-bold", "/usr/share/fonts/truetype/freefont/FreeSansBold.ttf" },
		{ "times-metric", "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf" },
		{ "courier-metric", "/usr/share/fonts/truetype/liberation2/LiberationMono-Regular.ttf" } };

	private GlyphOutlineExport() {}

	public static void main(String[] args) throws Exception {
		System.setProperty("java.awt.headless", "true");
		Path out = Paths.get(args[0]);
		StringBuilder sb = new StringBuilder();
		sb.append("# Outlines of the glyphs of printed ECG lead names, in em units (y up, baseline 0), written by\n");
		sb.append("# GlyphOutlineExport (src/test) from the fonts named in label-glyphs-NOTICE.txt, whose licences apply.\n");
		sb.append("# font <style> cap <cap height> ; glyph <char> <advance> <path: M x y, L x y, Q x1 y1 x y, C x1 y1 x2 y2 x y, Z>\n");
		FontRenderContext frc = new FontRenderContext(null, false, false);
		for (String[] f : FONTS) {
			Font font = Font.createFont(Font.TRUETYPE_FONT, new File(f[1])).deriveFont(1000f);
			// cap height: the top of a flat-topped capital
			double cap = -font.createGlyphVector(frc, "I").getVisualBounds().getMinY() / 1000;
			sb.append(String.format(Locale.ROOT, "font %s cap %.4f\n", f[0], cap));
			for (char c : GlyphOutlines.CHARACTERS.toCharArray()) {
				GlyphVector gv = font.createGlyphVector(frc, String.valueOf(c));
				double advance = gv.getGlyphMetrics(0).getAdvanceX() / 1000;
				sb.append(String.format(Locale.ROOT, "glyph %c %.4f", c, advance)).append(path(gv.getGlyphOutline(0)))
					.append('\n');
			}
		}
		Files.write(out, sb.toString().getBytes(StandardCharsets.UTF_8));
	}

	private static String path(Shape s) {
		StringBuilder sb = new StringBuilder();
		double[] c = new double[6];
		for (PathIterator it = s.getPathIterator(null); !it.isDone(); it.next()) {
			int type = it.currentSegment(c);
			int n;
			switch (type) {
				case PathIterator.SEG_MOVETO: sb.append(" M"); n = 1; break;
				case PathIterator.SEG_LINETO: sb.append(" L"); n = 1; break;
				case PathIterator.SEG_QUADTO: sb.append(" Q"); n = 2; break;
				case PathIterator.SEG_CUBICTO: sb.append(" C"); n = 3; break;
				default: sb.append(" Z"); n = 0;
			}
			for (int k = 0; k < n; k++) {
				sb.append(String.format(Locale.ROOT, " %s %s", num(c[2 * k] / 1000), num(-c[2 * k + 1] / 1000)));
			}
		}
		return sb.toString();
	}

	private static String num(double v) {
		String s = String.format(Locale.ROOT, "%.4f", v);
		s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
		return s.equals("-0") ? "0" : s;
	}
}
