package org.ecgdigitizer.core.synth;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import org.ecgdigitizer.core.Box;
import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.io.StrokeFont;
import org.ecgdigitizer.core.layout.LeadRegion;
import org.ecgdigitizer.core.layout.PageLayout;
import org.ecgdigitizer.core.signal.EcgRecord;
import org.ecgdigitizer.core.signal.Lead;

/**
 * Draws a 12-lead ECG onto synthetic paper, distorts it, and records exactly where every
 * plotted sample ended up.
 *
 * <p>The clean page is drawn in page pixels (px/mm = dpi / 25.4): paper and grid pixel by
 * pixel, then pulses, traces and text with antialiased Java2D strokes. Record time 0 is at x0,
 * the start of the first column; sample i is at x0 + i / fs * speed * pxPerMm, and at
 * baseline - v * gain * pxPerMm. Geometric distortions resample the clean page once through
 * {@link PageWarp}; photometric ones follow. Every random choice comes from the page seed, and
 * transcendental functions are StrictMath's, so a seed gives the same pixels on every machine.</p>
 */
public final class PageGenerator {

	private PageGenerator() {}

	/** Independent random streams per purpose, so adding one distortion does not change the others. */
	static Random stream(long seed, Distortions.Kind kind) {
		return stream(seed, 100 + kind.ordinal());
	}

	static Random stream(long seed, int purpose) {
		long z = seed * 0x9E3779B97F4A7C15L + purpose * 0xD1B54A32D192ED03L;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return new Random(z ^ (z >>> 31));
	}

	private static final int LAYOUT_STREAM = 1;
	private static final int HEADER_STREAM = 2;

	/** The signal of a page when no record is given: 10 s of the twelve standard leads from {@link EcgSynthesizer}. */
	public static EcgRecord synthesize(long seed, double fs, String name) {
		return EcgSynthesizer.synthesize(seed, fs, 10, name);
	}

	/** Renders the first page duration of a record (it must hold the twelve standard leads). */
	public static SyntheticPage render(EcgRecord record, PageSpec spec, long seed) {
		EcgRecord full = pageRecord(record, spec);
		Painter painter = new Painter(full, spec, seed);
		BufferedImage clean = painter.paint();
		Distortions d = spec.distortions();
		Map<String, Object> photometric = new LinkedHashMap<>();
		if (d.has(Distortions.Kind.STAIN)) {
			photometric.put("stain", PhotoEffects.stains(clean, d.strength(Distortions.Kind.STAIN), spec.pxPerMm(), stream(
				seed, Distortions.Kind.STAIN)));
		}
		PageWarp warp = d.hasGeometry() ? PageWarp.create(clean.getWidth(), clean.getHeight(), spec.pxPerMm(), d, seed)
			: PageWarp.identity(clean.getWidth(), clean.getHeight());
		BufferedImage image = warp.isIdentity() ? clean : Resampler.resample(clean, warp, background(d, seed), true);
		image = photometric(image, d, seed, photometric);

		List<GroundTruth.Segment> segments = new ArrayList<>();
		double[] q = new double[2];
		for (Painter.Plot plot : painter.plots) {
			int n = plot.cleanX.length;
			double[] x = new double[n], y = new double[n];
			for (int i = 0; i < n; i++) {
				if (Double.isNaN(plot.cleanY[i])) {
					x[i] = Double.NaN;
					y[i] = Double.NaN;
					continue;
				}
				warp.forward(plot.cleanX[i], plot.cleanY[i], q);
				x[i] = q[0];
				y[i] = q[1];
			}
			segments.add(new GroundTruth.Segment(plot.region, plot.startSample, plot.endSample, x, y));
		}
		double[] scale = warp.scaleAt(clean.getWidth() / 2.0, clean.getHeight() / 2.0);
		GroundTruth truth = new GroundTruth(full.name(), seed, full.samplingFrequency(), spec.pageSeconds(), spec
			.speed(), spec.gain(), spec.layout().spec(), spec.dpi(), spec.paper().id, image.getWidth(), image
				.getHeight(), spec.pxPerMm(), spec.pxPerMm(), spec.pxPerMm() * scale[0], spec.pxPerMm() * scale[1],
			painter.x0, d.spec(), painter.pageJson(), warp.toJson(), photometric, segments);
		return new SyntheticPage(image, full, masked(full, painter.plots), truth, d.isEmpty() ? painter
			.drawing() : null);
	}

	/**
	 * What every pixel of the page {@link #render} draws shows, for training pixel classifiers: an
	 * image of the same size and geometry whose red channel is the trace's coverage (pulses
	 * included), green the text's (labels, header, footer, column ticks) and blue the grid's, 0 to
	 * 255, on black (paper, and whatever lies around it). Photometric effects are left out: they
	 * change how a pixel looks, not what it shows.
	 */
	public static BufferedImage renderLayers(EcgRecord record, PageSpec spec, long seed) {
		EcgRecord full = pageRecord(record, spec);
		Painter painter = new Painter(full, spec, seed);
		painter.layers = true;
		BufferedImage clean = painter.paint();
		Distortions d = spec.distortions();
		PageWarp warp = d.hasGeometry() ? PageWarp.create(clean.getWidth(), clean.getHeight(), spec.pxPerMm(), d, seed)
			: PageWarp.identity(clean.getWidth(), clean.getHeight());
		return warp.isIdentity() ? clean : Resampler.resample(clean, warp, Resampler.Background.BLACK, false);
	}

	/** The record's first page duration as the twelve standard leads, rounded to 1 uV so WFDB files hold it exactly. */
	static EcgRecord pageRecord(EcgRecord record, PageSpec spec) {
		EcgRecord std = record.toStandardLeads();
		List<String> missing = new ArrayList<>();
		for (Lead lead : Lead.values()) {
			if (std.finiteCount(lead.ordinal()) == 0) missing.add(lead.label());
		}
		if (!missing.isEmpty()) {
			throw new EcgException("Record " + record.name() + " lacks lead(s) " + missing + " (it has " + record
				.leadNames() + "); give a record with all twelve standard leads");
		}
		double fs = std.samplingFrequency();
		int n = (int) Math.round(spec.pageSeconds() * fs);
		if (std.length() < n) {
			throw new EcgException(String.format(Locale.ROOT,
				"Record %s is %.2f s long but a page at %s mm/s shows %s s; give a longer record", record.name(), std
					.durationSeconds(), num(spec.speed()), num(spec.pageSeconds())));
		}
		EcgRecord page = std.slice(0, n);
		for (double[] channel : page.samples()) {
			for (int i = 0; i < n; i++) channel[i] = Math.rint(channel[i] * 1000) / 1000;
		}
		return page;
	}

	/** NaN wherever a lead is not plotted; the record's values on the union of its plotted windows. */
	private static EcgRecord masked(EcgRecord full, List<Painter.Plot> plots) {
		EcgRecord m = full.copy();
		boolean[][] shown = new boolean[m.leadCount()][m.length()];
		for (Painter.Plot p : plots) {
			Arrays.fill(shown[p.region.lead.ordinal()], p.startSample, p.endSample, true);
		}
		for (int c = 0; c < m.leadCount(); c++) {
			double[] ch = m.channel(c);
			for (int i = 0; i < ch.length; i++) if (!shown[c][i]) ch[i] = Double.NaN;
		}
		return m.withName(full.name() + "_masked");
	}

	private static BufferedImage photometric(BufferedImage image, Distortions d, long seed, Map<String, Object> p) {
		if (d.has(Distortions.Kind.SHADOW)) {
			p.put("shadow", PhotoEffects.shadow(image, d.strength(Distortions.Kind.SHADOW), stream(seed,
				Distortions.Kind.SHADOW)));
		}
		if (d.has(Distortions.Kind.COLORCAST)) {
			p.put("colorcast", PhotoEffects.colorCast(image, d.strength(Distortions.Kind.COLORCAST), stream(seed,
				Distortions.Kind.COLORCAST)));
		}
		if (d.has(Distortions.Kind.LOWCONTRAST)) {
			p.put("lowcontrast", PhotoEffects.lowContrast(image, d.strength(Distortions.Kind.LOWCONTRAST), stream(seed,
				Distortions.Kind.LOWCONTRAST)));
		}
		if (d.has(Distortions.Kind.BW)) {
			p.put("bw", PhotoEffects.blackAndWhite(image, d.strength(Distortions.Kind.BW), stream(seed,
				Distortions.Kind.BW)));
		}
		if (d.has(Distortions.Kind.BLUR)) {
			p.put("blur", PhotoEffects.blur(image, d.strength(Distortions.Kind.BLUR)));
		}
		if (d.has(Distortions.Kind.NOISE)) {
			p.put("noise", PhotoEffects.noise(image, d.strength(Distortions.Kind.NOISE), stream(seed,
				Distortions.Kind.NOISE)));
		}
		if (d.has(Distortions.Kind.JPEG)) {
			Map<String, Object> j = new LinkedHashMap<>();
			image = PhotoEffects.jpeg(image, d.strength(Distortions.Kind.JPEG), j);
			p.put("jpeg", j);
		}
		return image;
	}

	/** What lies around the paper: a table under a phone, a scanner lid otherwise. */
	private static Resampler.Background background(Distortions d, long seed) {
		Random r = stream(seed, 3);
		if (d.has(Distortions.Kind.PERSPECTIVE)) return Resampler.Background.table(r);
		return Resampler.Background.scannerLid(r);
	}

	static String num(double v) {
		return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
	}

	// ================================================================== the clean page

	/** Draws one clean page and remembers where every sample went. */
	static final class Painter {

		/** One plotted segment in clean page coordinates. */
		static final class Plot {
			final LeadRegion region;
			final int startSample;
			final int endSample;
			final double[] cleanX;
			final double[] cleanY;

			Plot(LeadRegion region, int startSample, int endSample, double[] cleanX, double[] cleanY) {
				this.region = region;
				this.startSample = startSample;
				this.endSample = endSample;
				this.cleanX = cleanX;
				this.cleanY = cleanY;
			}
		}

		private final EcgRecord record;
		private final PageSpec spec;
		private final long seed;
		/** Paint what each pixel shows (trace red, text green, grid blue, on black) instead of how it looks. */
		boolean layers;
		private final double mm;
		private final int width;
		private final int height;
		final List<Plot> plots = new ArrayList<>();
		/** What was drawn with the pen, for the vector PDF of the page. */
		final List<VectorDrawing.Stroke> strokes = new ArrayList<>();
		final List<VectorDrawing.Label> texts = new ArrayList<>();

		// layout in page pixels
		double x0;
		private double pulseX;
		private double[] baselines;
		private double rowSpacing;
		private double gridLeft, gridTop, gridRight, gridBottom;
		private boolean labelsAbove;
		private int paperRgb;
		private int inkRgb;
		private boolean gridUnderHeader;

		Painter(EcgRecord record, PageSpec spec, long seed) {
			this.record = record;
			this.spec = spec;
			this.seed = seed;
			this.mm = spec.pxPerMm();
			this.width = spec.widthPx();
			this.height = spec.heightPx();
		}

		BufferedImage paint() {
			Random r = stream(seed, LAYOUT_STREAM);
			planLayout(r);
			BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
			paintPaperAndGrid(img);
			Graphics2D g = img.createGraphics();
			try {
				g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
				g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
				g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
				drawSignals(g, r);
				if (spec.header()) drawHeader(g);
			}
			finally {
				g.dispose();
			}
			return img;
		}

		private void planLayout(Random r) {
			double paperW = spec.paper().widthMm, paperH = spec.paper().heightMm;
			paperRgb = r.nextDouble() < 0.65 ? 0xffffff : r.nextBoolean() ? 0xfdfbf3 : 0xf9fafc;
			Color ink = new Color(spec.traceColor().rgb());
			inkRgb = ink.getRGB() & 0xffffff;
			if (spec.distortions().has(Distortions.Kind.FADE)) inkRgb = fade(inkRgb, spec.distortions().strength(
				Distortions.Kind.FADE));
			labelsAbove = r.nextBoolean();
			gridUnderHeader = r.nextDouble() < 0.6;

			double top = spec.header() ? 26 + 3 * r.nextDouble() : 7 + 3 * r.nextDouble();
			double bottom = paperH - (spec.header() ? 11 + 2 * r.nextDouble() : 5 + 2 * r.nextDouble());
			int rows = spec.layout().rowCount();
			double spacingMm = (bottom - top) / rows;
			double baselineFraction = 0.58 + 0.08 * r.nextDouble();
			baselines = new double[rows];
			for (int i = 0; i < rows; i++) baselines[i] = (top + spacingMm * (i + baselineFraction)) * mm;
			rowSpacing = spacingMm * mm;

			double pulseMm = 0.2 * spec.speed();
			double blockMm = 1.5 + pulseMm + 1 + 250;
			double leftMm = (paperW - blockMm) / 2 + 1.5 * (2 * r.nextDouble() - 1);
			pulseX = (leftMm + 1.5) * mm;
			x0 = (leftMm + 1.5 + pulseMm + 1) * mm;

			double margin = 3 + 3 * r.nextDouble();
			double gridTopMm = gridUnderHeader || !spec.header() ? margin : top - 6;
			int boxesX = (int) Math.floor((paperW - 2 * margin) / 5);
			int boxesY = (int) Math.floor((paperH - gridTopMm - margin) / 5);
			double gl = (paperW - 5 * boxesX) / 2;
			gridLeft = gl * mm;
			gridRight = (gl + 5 * boxesX) * mm;
			gridTop = gridTopMm * mm;
			gridBottom = (gridTopMm + 5 * boxesY) * mm;
		}

		private static int fade(int rgb, double strength) {
			double k = Math.max(0, Math.min(0.85, 0.8 * strength));
			int rr = (int) Math.round(((rgb >> 16) & 255) + (200 - ((rgb >> 16) & 255)) * k);
			int gg = (int) Math.round(((rgb >> 8) & 255) + (195 - ((rgb >> 8) & 255)) * k);
			int bb = (int) Math.round((rgb & 255) + (190 - (rgb & 255)) * k);
			return rr << 16 | gg << 8 | bb;
		}

		/** The page as the vector PDF draws it: paper, grid, pen strokes and text, in page pixels. */
		VectorDrawing drawing() {
			return new VectorDrawing(spec, mm, width, height, paperRgb, gridLeft, gridTop, gridRight, gridBottom,
				strokes, texts);
		}

		Map<String, Object> pageJson() {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("grid_style", spec.gridStyle().toString());
			m.put("grid_color", spec.gridColor().toString());
			m.put("grid_contrast", spec.gridContrast());
			m.put("grid_box_px", new double[] { gridLeft, gridTop, gridRight - gridLeft, gridBottom - gridTop });
			m.put("grid_origin_px", new double[] { gridLeft, gridTop });
			m.put("minor_mm", 1);
			m.put("major_mm", 5);
			m.put("paper_rgb", String.format("#%06x", paperRgb));
			m.put("trace_rgb", String.format("#%06x", inkRgb));
			m.put("trace_width_mm", spec.traceWidthMm());
			m.put("pulses", spec.pulses());
			m.put("pulse_x_px", pulseX);
			m.put("labels", spec.labels() ? labelsAbove ? "above" : "below" : "none");
			m.put("separators", spec.separators());
			m.put("header", spec.header());
			m.put("baselines_px", baselines.clone());
			m.put("row_spacing_px", rowSpacing);
			return m;
		}

		// -------------------------------------------------------------- paper and grid

		private void paintPaperAndGrid(BufferedImage img) {
			int[] px = PhotoEffects.pixels(img);
			GridColorRamp ramp = new GridColorRamp(paperRgb, spec);
			boolean lines = spec.gridStyle() == PageSpec.GridStyle.LINES;
			boolean none = spec.gridStyle() == PageSpec.GridStyle.NONE;
			double minorW = (lines ? 0.1 : 0.3) * mm, majorW = Math.max(0.2 * mm, 0.9);
			float[] minorX = coverage(width, gridLeft, gridRight, minorW, mm, true);
			float[] majorX = coverage(width, gridLeft, gridRight, majorW, 5 * mm, false);
			float[] minorY = coverage(height, gridTop, gridBottom, minorW, mm, true);
			float[] majorY = coverage(height, gridTop, gridBottom, majorW, 5 * mm, false);
			float[] insideX = span(width, gridLeft, gridRight), insideY = span(height, gridTop, gridBottom);
			double minorAlpha = (lines ? 0.42 : 0.9) * spec.gridContrast();
			double majorAlpha = 0.9 * spec.gridContrast();
			IntStream.range(0, height).parallel().forEach(y -> {
				int row = y * width;
				if (none || insideY[y] == 0) {
					Arrays.fill(px, row, row + width, layers ? 0 : paperRgb);
					return;
				}
				float my = minorY[y], ny = majorY[y];
				for (int x = 0; x < width; x++) {
					float mx = minorX[x], nx = majorX[x];
					double minor = lines ? 1 - (1 - mx) * (1 - my) : mx * my;
					double major = 1 - (1 - nx) * (1 - ny);
					double inside = insideX[x] * insideY[y];
					px[row + x] = layers ? (int) Math.round(255 * (1 - (1 - minor * inside) * (1 - major * inside)))
						: ramp.blend(minor * minorAlpha * inside, major * majorAlpha * inside);
				}
			});
		}

		/** Per-pixel coverage (0-1) of the interval [from, to], so the grid ends cleanly at its box (half a line outside). */
		private float[] span(int n, double from, double to) {
			double half = Math.max(0.2 * mm, 0.9) / 2;
			float[] c = new float[n];
			for (int i = 0; i < n; i++) {
				double overlap = Math.min(i + 1, to + half) - Math.max(i, from - half);
				c[i] = (float) Math.max(0, Math.min(1, overlap));
			}
			return c;
		}

		/**
		 * Per-pixel coverage (0-1) of lines of a width spaced {@code pitch} apart from {@code from} to
		 * {@code to}; minor lines skip every fifth (the major line is drawn there).
		 */
		private static float[] coverage(int n, double from, double to, double lineWidth, double pitch, boolean skipFifth) {
			float[] c = new float[n];
			int count = (int) Math.round((to - from) / pitch);
			for (int k = 0; k <= count; k++) {
				if (skipFifth && k % 5 == 0) continue;
				double centre = from + k * pitch;
				double a = centre - lineWidth / 2, b = centre + lineWidth / 2;
				for (int i = Math.max(0, (int) Math.floor(a)); i < Math.min(n, (int) Math.ceil(b)); i++) {
					double overlap = Math.min(i + 1, b) - Math.max(i, a);
					if (overlap > 0) c[i] = (float) Math.min(1, c[i] + overlap);
				}
			}
			return c;
		}

		/** Blends paper with grid ink in linear proportion, with lookup tables per alpha level. */
		private static final class GridColorRamp {
			private final int paper;
			private final int[] ink;

			GridColorRamp(int paper, PageSpec spec) {
				this.paper = paper;
				PageSpec.GridColor c = spec.gridColor();
				this.ink = new int[] { c.r, c.g, c.b };
			}

			int blend(double minor, double major) {
				if (minor <= 0 && major <= 0) return paper;
				// minor lines are drawn in a lighter shade of the ink, then major lines over them
				double keep = (1 - minor) * (1 - major);
				double inkShare = 1 - keep;
				int pr = (paper >> 16) & 255, pg = (paper >> 8) & 255, pb = paper & 255;
				int r = (int) Math.round(pr * keep + ink[0] * inkShare);
				int g = (int) Math.round(pg * keep + ink[1] * inkShare);
				int b = (int) Math.round(pb * keep + ink[2] * inkShare);
				return r << 16 | g << 8 | b;
			}
		}

		// -------------------------------------------------------------- signals

		private Color traceColour() {
			return layers ? Color.RED : new Color(inkRgb);
		}

		private Color textColour() {
			return layers ? Color.GREEN : new Color(inkRgb);
		}

		private void drawSignals(Graphics2D g, Random r) {
			PageLayout layout = spec.layout();
			double fs = record.samplingFrequency();
			double pxPerSecond = spec.speed() * mm;
			double columnSeconds = spec.pageSeconds() / layout.columnCount();
			double gainPx = spec.gain() * mm;
			BasicStroke pen = new BasicStroke((float) (spec.traceWidthMm() * mm), BasicStroke.CAP_ROUND,
				BasicStroke.JOIN_ROUND);
			g.setColor(traceColour());
			g.setStroke(pen);
			Random fadeRandom = stream(seed, Distortions.Kind.FADE);
			boolean fade = spec.distortions().has(Distortions.Kind.FADE);
			int total = record.length();
			for (PageLayout.Cell cell : layout.cells()) {
				double startS = cell.column * columnSeconds;
				double endS = (cell.column + cell.columnSpan) * columnSeconds;
				int start = (int) Math.round(startS * fs);
				int end = Math.min(total, (int) Math.round(endS * fs));
				double baseline = baselines[cell.row];
				double[] v = record.lead(cell.lead);
				int n = end - start;
				double[] xs = new double[n], ys = new double[n];
				double sign = cell.inverted ? -1 : 1;
				for (int i = 0; i < n; i++) {
					xs[i] = x0 + (start + i) / fs * pxPerSecond;
					double value = v[start + i];
					ys[i] = Double.isNaN(value) ? Double.NaN : baseline - sign * value * gainPx;
				}
				Path2D trace = fade ? brokenPolyline(xs, ys, fadeRandom) : polyline(xs, ys);
				g.draw(trace);
				strokes.add(new VectorDrawing.Stroke(trace, inkRgb, spec.traceWidthMm()));

				double boxLeft = x0 + startS * pxPerSecond, boxRight = x0 + endS * pxPerSecond;
				Box box = Box.fromCorners(boxLeft, baseline - 0.6 * rowSpacing, boxRight, baseline + 0.4 * rowSpacing);
				Box labelBox = null;
				if (spec.labels()) labelBox = drawLabel(g, cell.label(), boxLeft, baseline);
				LeadRegion region = new LeadRegion(cell.lead, cell.inverted, cell.row, cell.column, cell.rhythm, startS,
					endS, box, baseline, labelBox, 1);
				plots.add(new Plot(region, start, end, xs, ys));
			}
			g.setColor(traceColour());
			g.setStroke(pen);
			if (spec.pulses()) {
				for (double baseline : baselines) {
					Path2D pulse = pulse(baseline);
					g.draw(pulse);
					strokes.add(new VectorDrawing.Stroke(pulse, inkRgb, spec.traceWidthMm()));
				}
			}
			g.setColor(textColour());
			if (spec.separators() && layout.columnCount() > 1) {
				double half = Math.min(2.5 * mm, 0.15 * rowSpacing);
				Path2D ticks = new Path2D.Double();
				for (int row = 0; row < layout.kind().rows; row++) {
					for (int c = 1; c < layout.columnCount(); c++) {
						double x = x0 + c * columnSeconds * pxPerSecond;
						ticks.moveTo(x, baselines[row] - half);
						ticks.lineTo(x, baselines[row] + half);
					}
				}
				g.draw(ticks);
				strokes.add(new VectorDrawing.Stroke(ticks, inkRgb, spec.traceWidthMm()));
			}
		}

		private static Path2D polyline(double[] xs, double[] ys) {
			Path2D path = new Path2D.Double(Path2D.WIND_NON_ZERO, xs.length);
			boolean pen = false;
			for (int i = 0; i < xs.length; i++) {
				if (Double.isNaN(ys[i])) {
					pen = false;
					continue;
				}
				if (pen) path.lineTo(xs[i], ys[i]);
				else path.moveTo(xs[i], ys[i]);
				pen = true;
			}
			return path;
		}

		/** The polyline with short gaps where the faded ink did not take, every 4 to 25 mm of trace. */
		private Path2D brokenPolyline(double[] xs, double[] ys, Random r) {
			Path2D path = new Path2D.Double(Path2D.WIND_NON_ZERO, xs.length);
			double untilGap = (4 + 21 * r.nextDouble()) * mm, gapLeft = 0;
			boolean pen = false;
			for (int i = 0; i < xs.length; i++) {
				double step = i == 0 || Double.isNaN(ys[i - 1]) ? 0 : StrictMath.hypot(xs[i] - xs[i - 1], ys[i] - ys[i - 1]);
				if (gapLeft > 0) {
					gapLeft -= step;
					pen = false;
					continue;
				}
				untilGap -= step;
				if (untilGap <= 0) {
					gapLeft = (0.3 + 1.2 * r.nextDouble()) * mm;
					untilGap = (4 + 21 * r.nextDouble()) * mm;
				}
				if (Double.isNaN(ys[i])) {
					pen = false;
					continue;
				}
				if (pen) path.lineTo(xs[i], ys[i]);
				else path.moveTo(xs[i], ys[i]);
				pen = true;
			}
			return path;
		}

		/** The 1 mV calibration pulse, 0.2 s wide, standing on the baseline and ending 1 mm before x0. */
		private Path2D pulse(double baseline) {
			double w = 0.2 * spec.speed() * mm, h = spec.gain() * mm;
			Path2D p = new Path2D.Double();
			p.moveTo(pulseX - 1.5 * mm, baseline);
			p.lineTo(pulseX, baseline);
			p.lineTo(pulseX, baseline - h);
			p.lineTo(pulseX + w, baseline - h);
			p.lineTo(pulseX + w, baseline);
			return p;
		}

		/** A lead label near the start of a segment, above the baseline (GE style) or just below it. */
		private Box drawLabel(Graphics2D g, String text, double segmentLeft, double baseline) {
			double cap = 2.6 * mm;
			double x = segmentLeft + 1.2 * mm;
			double textBaseline = labelsAbove ? baseline - Math.max(5 * mm, 0.3 * rowSpacing) : baseline + 2 * mm + cap;
			Color pen = g.getColor();
			g.setColor(textColour());
			Box box = drawText(g, text, x, textBaseline, cap);
			g.setColor(pen);
			return box;
		}

		/** The one place text is drawn (with the project's stroke font); returns its inked box. */
		private Box drawText(Graphics2D g, String text, double x, double baseline, double capPx) {
			StrokeFont.draw(g, text, x, baseline, capPx, StrokeFont.REGULAR);
			texts.add(new VectorDrawing.Label(text, x, baseline, capPx, g.getColor().getRGB() & 0xffffff));
			return StrokeFont.inkBounds(text, x, baseline, capPx, StrokeFont.REGULAR);
		}

		// -------------------------------------------------------------- header and footer

		private static final String[] SURNAMES = { "Miller", "Garcia", "Novak", "Okafor", "Lindqvist", "Tanaka",
			"Rossi", "Dubois", "Kowalski", "Haddad", "Silva", "Petrov" };
		private static final String[] GIVEN = { "Anna", "Ben", "Chloe", "David", "Eva", "Farid", "Grace", "Hugo",
			"Ines", "Jonas", "Kemal", "Lea" };
		private static final String[] STATEMENTS = { "Sinus rhythm", "Normal ECG", "Sinus bradycardia",
			"Sinus tachycardia", "Borderline ECG", "Unconfirmed report", "Left axis deviation",
			"Nonspecific T wave abnormality" };

		private void drawHeader(Graphics2D g) {
			Random r = stream(seed, HEADER_STREAM);
			double cap = 2.3 * mm, line = 4.6 * mm;
			double left = gridLeft + 3 * mm;
			double y = 8 * mm;
			g.setColor(textColour());
			String[][] columns = {
				{ "Name: " + SURNAMES[r.nextInt(SURNAMES.length)] + ", " + GIVEN[r.nextInt(GIVEN.length)],
					String.format(Locale.ROOT, "ID: %08d", r.nextInt(100_000_000)),
					String.format(Locale.ROOT, "Age: %d yrs   Sex: %s", 18 + r.nextInt(75), r.nextBoolean() ? "M" : "F") },
				{ String.format(Locale.ROOT, "Date: %04d-%02d-%02d %02d:%02d", 1995 + r.nextInt(30), 1 + r.nextInt(12),
					1 + r.nextInt(28), r.nextInt(24), r.nextInt(60)),
					String.format(Locale.ROOT, "Vent. rate: %d bpm", 50 + r.nextInt(60)),
					String.format(Locale.ROOT, "PR: %d ms   QRS: %d ms", 120 + r.nextInt(80), 80 + r.nextInt(40)) },
				{ String.format(Locale.ROOT, "QT/QTc: %d/%d ms", 340 + r.nextInt(80), 390 + r.nextInt(70)),
					String.format(Locale.ROOT, "P-R-T axes: %d %d %d", r.nextInt(90), r.nextInt(120) - 30, r.nextInt(90)),
					STATEMENTS[r.nextInt(STATEMENTS.length)] } };
			for (int c = 0; c < columns.length; c++) {
				for (int i = 0; i < columns[c].length; i++) {
					drawText(g, columns[c][i], left + c * 85 * mm, y + i * line, cap);
				}
			}
			String footer = String.format(Locale.ROOT, "%s mm/s   %s mm/mV   0.05-150 Hz", num(spec.speed()), num(spec
				.gain()));
			drawText(g, footer, left, height - 4.5 * mm, cap);
		}
	}
}
