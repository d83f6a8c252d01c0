package org.ecgdigitizer.core.vector;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.color.PDColor;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;
import org.ecgdigitizer.core.EcgException;

/**
 * Reads a PDF page's content stream into a {@link VectorPage}: every stroked or filled subpath with
 * its colour and width, every word of text with its position, and the box of every image, all in
 * millimetres of the page as it is shown (crop box, rotation).
 */
public final class PdfPageReader extends PDFGraphicsStreamEngine {

	/** A page with more path points than this is not an ECG printout (a map, a scan traced to vectors). */
	static final int MAX_POINTS = 5_000_000;
	private static final double MM_PER_POINT = 25.4 / 72;
	/** Béziers are flattened into this many segments: traces are polylines, curves only round corners. */
	private static final int CURVE_STEPS = 8;

	private final double llx, lly, widthPt, heightPt;
	private final int rotation;
	private final List<VectorPage.Path> paths = new ArrayList<>();
	private final List<VectorPage.Text> texts = new ArrayList<>();
	private final List<VectorPage.Image> images = new ArrayList<>();
	private final List<List<double[]>> current = new ArrayList<>();
	private List<double[]> subpath;
	private int points;
	// the word being collected
	private final StringBuilder word = new StringBuilder();
	private double wordX, wordY, wordEnd, wordSize;

	private PdfPageReader(PDPage page) {
		super(page);
		PDRectangle crop = page.getCropBox();
		llx = crop.getLowerLeftX();
		lly = crop.getLowerLeftY();
		widthPt = crop.getWidth();
		heightPt = crop.getHeight();
		int r = page.getRotation() % 360;
		rotation = r < 0 ? r + 360 : r;
	}

	/** Reads a page. Damaged content streams fail with an {@link EcgException}. */
	public static VectorPage read(PDPage page) {
		PdfPageReader reader = new PdfPageReader(page);
		try {
			reader.processPage(page);
		}
		catch (IOException e) {
			throw new EcgException("the PDF page's content cannot be read (" + e.getMessage() + "); the file is " +
				"damaged: export it again");
		}
		reader.endWord();
		boolean turned = reader.rotation == 90 || reader.rotation == 270;
		double w = (turned ? reader.heightPt : reader.widthPt) * MM_PER_POINT;
		double h = (turned ? reader.widthPt : reader.heightPt) * MM_PER_POINT;
		return new VectorPage(w, h, reader.paths, reader.texts, reader.images);
	}

	/** A point of PDF device space in page millimetres as shown. */
	private double[] display(double px, double py) {
		double u = px - llx, v = py - lly;
		double x0 = u, y0 = heightPt - v;
		double x, y;
		switch (rotation) {
			case 90: x = heightPt - y0; y = x0; break;
			case 180: x = widthPt - x0; y = heightPt - y0; break;
			case 270: x = y0; y = widthPt - x0; break;
			default: x = x0; y = y0; break;
		}
		return new double[] { x * MM_PER_POINT, y * MM_PER_POINT };
	}

	private void add(double[] p) {
		if (++points > MAX_POINTS) {
			throw new EcgException("the PDF page holds more than " + MAX_POINTS + " path points, far more than an " +
				"ECG printout; render it with --pdf-vectors off, or export the ECG page alone");
		}
		if (subpath == null) {
			subpath = new ArrayList<>();
			current.add(subpath);
		}
		subpath.add(p);
	}

	@Override
	public void moveTo(float x, float y) {
		subpath = null;
		add(display(x, y));
		last = new Point2D.Float(x, y);
	}

	@Override
	public void lineTo(float x, float y) {
		add(display(x, y));
		last = new Point2D.Float(x, y);
	}

	@Override
	public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
		Point2D p0 = getCurrentPoint();
		if (p0 == null) {
			moveTo(x3, y3);
			return;
		}
		for (int i = 1; i <= CURVE_STEPS; i++) {
			double t = i / (double) CURVE_STEPS, s = 1 - t;
			double x = s * s * s * p0.getX() + 3 * s * s * t * x1 + 3 * s * t * t * x2 + t * t * t * x3;
			double y = s * s * s * p0.getY() + 3 * s * s * t * y1 + 3 * s * t * t * y2 + t * t * t * y3;
			add(display(x, y));
		}
		last = new Point2D.Float(x3, y3);
	}

	// the current point in device space, which PDFBox asks for
	private Point2D last;

	@Override
	public Point2D getCurrentPoint() {
		return last;
	}

	@Override
	public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
		subpath = null;
		for (Point2D p : new Point2D[] { p0, p1, p2, p3, p0 }) add(display(p.getX(), p.getY()));
		subpath = null;
		last = p0;
	}

	@Override
	public void closePath() {
		if (subpath != null && !subpath.isEmpty()) add(subpath.get(0).clone());
		subpath = null;
	}

	@Override
	public void endPath() {
		current.clear();
		subpath = null;
	}

	@Override
	public void strokePath() throws IOException {
		Matrix ctm = getGraphicsState().getCurrentTransformationMatrix();
		double scale = Math.sqrt(Math.abs(ctm.getScaleX() * ctm.getScaleY() - ctm.getShearX() * ctm.getShearY()));
		double width = getGraphicsState().getLineWidth() * scale * MM_PER_POINT;
		emit(rgb(getGraphicsState().getStrokingColor()), width, false);
	}

	@Override
	public void fillPath(int windingRule) throws IOException {
		emit(rgb(getGraphicsState().getNonStrokingColor()), 0, true);
	}

	@Override
	public void fillAndStrokePath(int windingRule) throws IOException {
		List<List<double[]>> copy = new ArrayList<>(current);
		fillPath(windingRule);
		current.addAll(copy);
		strokePath();
	}

	private void emit(int rgb, double widthMm, boolean filled) {
		for (List<double[]> sp : current) {
			if (sp.isEmpty()) continue;
			double[] x = new double[sp.size()], y = new double[sp.size()];
			for (int i = 0; i < x.length; i++) {
				x[i] = sp.get(i)[0];
				y[i] = sp.get(i)[1];
			}
			paths.add(new VectorPage.Path(x, y, rgb, widthMm, filled));
		}
		current.clear();
		subpath = null;
	}

	private static int rgb(PDColor colour) {
		try {
			return colour == null ? 0 : colour.toRGB() & 0xffffff;
		}
		catch (IOException | RuntimeException e) {
			return 0; // a colour space we cannot convert: take it for black ink
		}
	}

	@Override
	public void clip(int windingRule) {
		// clipping paths are not drawn; endPath follows and clears them
	}

	@Override
	public void shadingFill(COSName shadingName) {
		// smooth shading is decoration, never a trace or a grid line
	}

	@Override
	public void drawImage(PDImage image) {
		Matrix ctm = getGraphicsState().getCurrentTransformationMatrix();
		double[] a = display(ctm.getTranslateX(), ctm.getTranslateY());
		Point2D.Float p10 = ctm.transformPoint(1, 0), p01 = ctm.transformPoint(0, 1), p11 = ctm.transformPoint(1, 1);
		double[] b = display(p10.x, p10.y), c = display(p01.x, p01.y), d = display(p11.x, p11.y);
		double minX = Math.min(Math.min(a[0], b[0]), Math.min(c[0], d[0]));
		double maxX = Math.max(Math.max(a[0], b[0]), Math.max(c[0], d[0]));
		double minY = Math.min(Math.min(a[1], b[1]), Math.min(c[1], d[1]));
		double maxY = Math.max(Math.max(a[1], b[1]), Math.max(c[1], d[1]));
		// the image's first pixel row is the unit square's top (0, 1): upright when that corner is shown top left
		boolean upright = Math.abs(c[0] - minX) < 1e-3 && Math.abs(c[1] - minY) < 1e-3 && Math.abs(b[0] - maxX) <
			1e-3 && Math.abs(b[1] - maxY) < 1e-3;
		images.add(new VectorPage.Image(minX, minY, maxX - minX, maxY - minY, image.getWidth(), image.getHeight(),
			upright));
	}

	@Override
	protected void showGlyph(Matrix trm, PDFont font, int code, Vector displacement) throws IOException {
		String unicode;
		try {
			unicode = font.toUnicode(code);
		}
		catch (RuntimeException e) {
			unicode = null;
		}
		double[] origin = display(trm.getTranslateX(), trm.getTranslateY());
		double size = Math.abs(trm.getScalingFactorY()) * MM_PER_POINT;
		double advance = displacement.getX() * Math.abs(trm.getScalingFactorX()) * MM_PER_POINT;
		boolean space = unicode == null || unicode.isBlank();
		boolean sameLine = word.length() > 0 && Math.abs(origin[1] - wordY) < 0.3 * wordSize && origin[0] >= wordEnd -
			0.3 * wordSize && origin[0] <= wordEnd + 0.35 * wordSize;
		if (space || !sameLine) endWord();
		if (!space) {
			if (word.length() == 0) {
				wordX = origin[0];
				wordY = origin[1];
				wordSize = size;
			}
			word.append(unicode);
			wordEnd = origin[0] + advance;
		}
		super.showGlyph(trm, font, code, displacement);
	}

	private void endWord() {
		if (word.length() > 0) texts.add(new VectorPage.Text(word.toString(), wordX, wordY, wordEnd, wordSize));
		word.setLength(0);
	}
}
