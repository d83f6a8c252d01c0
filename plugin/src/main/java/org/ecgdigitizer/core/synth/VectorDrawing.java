package org.ecgdigitizer.core.synth;

import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.ecgdigitizer.core.io.AtomicFiles;

/**
 * A clean generated page as a vector PDF, the way ECG carts export them: the grid as lines (dots
 * as tiny squares), the traces, pulses and column ticks as stroked polylines through the exact
 * plotted samples, the labels and header as real text. One PDF point is 25.4 / 72 mm, so the page
 * has exactly the paper's size and the traces their exact positions.
 */
final class VectorDrawing {

	/** A pen stroke in page pixels. */
	static final class Stroke {
		final Path2D path;
		final int rgb;
		final double widthMm;

		Stroke(Path2D path, int rgb, double widthMm) {
			this.path = path;
			this.rgb = rgb;
			this.widthMm = widthMm;
		}
	}

	/** A line of text: its baseline start and cap height in page pixels. */
	static final class Label {
		final String text;
		final double x;
		final double baseline;
		final double capPx;
		final int rgb;

		Label(String text, double x, double baseline, double capPx, int rgb) {
			this.text = text;
			this.x = x;
			this.baseline = baseline;
			this.capPx = capPx;
			this.rgb = rgb;
		}
	}

	/** The font the text is set in: PDFBox's own copy of Liberation Sans, embedded, so no system font is needed. */
	private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

	private final PageSpec spec;
	private final double mm;
	private final int width;
	private final int height;
	private final int paperRgb;
	private final double gridLeft, gridTop, gridRight, gridBottom;
	private final List<Stroke> strokes;
	private final List<Label> texts;

	VectorDrawing(PageSpec spec, double mm, int width, int height, int paperRgb, double gridLeft, double gridTop,
		double gridRight, double gridBottom, List<Stroke> strokes, List<Label> texts)
	{
		this.spec = spec;
		this.mm = mm;
		this.width = width;
		this.height = height;
		this.paperRgb = paperRgb;
		this.gridLeft = gridLeft;
		this.gridTop = gridTop;
		this.gridRight = gridRight;
		this.gridBottom = gridBottom;
		this.strokes = Collections.unmodifiableList(new ArrayList<>(strokes));
		this.texts = Collections.unmodifiableList(new ArrayList<>(texts));
	}

	/** The PDF file's content. */
	AtomicFiles.Content pdf() {
		return out -> {
			try (PDDocument doc = new PDDocument()) {
				float w = (float) pt(width), h = (float) pt(height);
				PDPage page = new PDPage(new PDRectangle(w, h));
				doc.addPage(page);
				PDType0Font font;
				try (InputStream in = VectorDrawing.class.getResourceAsStream(FONT)) {
					if (in == null) throw new IOException("PDFBox's Liberation Sans font is missing from the class path");
					font = PDType0Font.load(doc, in, true);
				}
				try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
					if (paperRgb != 0xffffff) {
						colour(cs, paperRgb, true);
						cs.addRect(0, 0, w, h);
						cs.fill();
					}
					grid(cs, h);
					cs.setLineCapStyle(1);
					cs.setLineJoinStyle(1);
					for (Stroke s : strokes) {
						colour(cs, s.rgb, false);
						cs.setLineWidth((float) (s.widthMm * 72 / 25.4));
						path(cs, s.path, h);
						cs.stroke();
					}
					float capHeight = font.getFontDescriptor().getCapHeight() / 1000f;
					for (Label t : texts) {
						colour(cs, t.rgb, true);
						cs.beginText();
						cs.setFont(font, (float) (pt(t.capPx) / capHeight));
						cs.newLineAtOffset((float) pt(t.x), (float) (h - pt(t.baseline)));
						cs.showText(t.text);
						cs.endText();
					}
				}
				doc.save(out);
			}
		};
	}

	/** Page pixels to PDF points. */
	private double pt(double px) {
		return px / mm * 72 / 25.4;
	}

	private void grid(PDPageContentStream cs, float h) throws IOException {
		PageSpec.GridStyle style = spec.gridStyle();
		if (style == PageSpec.GridStyle.NONE) return;
		boolean lines = style == PageSpec.GridStyle.LINES;
		PageSpec.GridColor c = spec.gridColor();
		int ink = c.r << 16 | c.g << 8 | c.b;
		double contrast = spec.gridContrast();
		int nx = (int) Math.round((gridRight - gridLeft) / mm), ny = (int) Math.round((gridBottom - gridTop) / mm);
		cs.setLineCapStyle(0);
		// the paint the raster page blends: minor lines lighter than major ones
		if (lines) {
			colour(cs, blend(paperRgb, ink, 0.42 * contrast), false);
			cs.setLineWidth((float) (0.1 * 72 / 25.4));
			for (int i = 0; i <= nx; i++) if (i % 5 != 0) line(cs, gridLeft + i * mm, gridTop, gridLeft + i * mm, gridBottom, h);
			for (int j = 0; j <= ny; j++) if (j % 5 != 0) line(cs, gridLeft, gridTop + j * mm, gridRight, gridTop + j * mm, h);
			cs.stroke();
		}
		else {
			colour(cs, blend(paperRgb, ink, 0.9 * contrast), true);
			float d = (float) (0.3 * 72 / 25.4);
			for (int i = 0; i <= nx; i++) {
				for (int j = 0; j <= ny; j++) {
					if (i % 5 == 0 || j % 5 == 0) continue;
					cs.addRect((float) pt(gridLeft + i * mm) - d / 2, (float) (h - pt(gridTop + j * mm)) - d / 2, d, d);
				}
			}
			cs.fill();
		}
		colour(cs, blend(paperRgb, ink, 0.9 * contrast), false);
		cs.setLineWidth((float) (0.2 * 72 / 25.4));
		for (int i = 0; i <= nx; i += 5) line(cs, gridLeft + i * mm, gridTop, gridLeft + i * mm, gridBottom, h);
		for (int j = 0; j <= ny; j += 5) line(cs, gridLeft, gridTop + j * mm, gridRight, gridTop + j * mm, h);
		cs.stroke();
	}

	private void line(PDPageContentStream cs, double x0, double y0, double x1, double y1, float h) throws IOException {
		cs.moveTo((float) pt(x0), (float) (h - pt(y0)));
		cs.lineTo((float) pt(x1), (float) (h - pt(y1)));
	}

	private void path(PDPageContentStream cs, Path2D path, float h) throws IOException {
		double[] c = new double[6];
		for (PathIterator it = path.getPathIterator(null); !it.isDone(); it.next()) {
			int type = it.currentSegment(c);
			if (type == PathIterator.SEG_MOVETO) cs.moveTo((float) pt(c[0]), (float) (h - pt(c[1])));
			else if (type == PathIterator.SEG_LINETO) cs.lineTo((float) pt(c[0]), (float) (h - pt(c[1])));
			else if (type == PathIterator.SEG_CLOSE) cs.closePath();
		}
	}

	private static void colour(PDPageContentStream cs, int rgb, boolean fill) throws IOException {
		float r = (rgb >> 16 & 255) / 255f, g = (rgb >> 8 & 255) / 255f, b = (rgb & 255) / 255f;
		if (fill) cs.setNonStrokingColor(r, g, b);
		else cs.setStrokingColor(r, g, b);
	}

	/** Paper with a share of ink, as the raster page paints its grid. */
	private static int blend(int paper, int ink, double share) {
		double keep = 1 - share;
		int r = (int) Math.round((paper >> 16 & 255) * keep + (ink >> 16 & 255) * share);
		int g = (int) Math.round((paper >> 8 & 255) * keep + (ink >> 8 & 255) * share);
		int b = (int) Math.round((paper & 255) * keep + (ink & 255) * share);
		return r << 16 | g << 8 | b;
	}
}
