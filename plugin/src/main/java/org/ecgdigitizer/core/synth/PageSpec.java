package org.ecgdigitizer.core.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.layout.PageLayout;

/**
 * How a synthetic page is printed: layout, paper, resolution, speed, gain, grid and pen, and
 * the distortions applied afterwards. Immutable; change a setting with a {@code withX} method.
 */
public final class PageSpec {

	/** Landscape paper sizes. */
	public enum Paper {
		LETTER("letter", 279.4, 215.9), A4("a4", 297, 210);

		public final String id;
		public final double widthMm;
		public final double heightMm;

		Paper(String id, double widthMm, double heightMm) {
			this.id = id;
			this.widthMm = widthMm;
			this.heightMm = heightMm;
		}

		public static Paper parse(String s) {
			return PageSpec.parse(Paper.class, s, "paper");
		}

		@Override
		public String toString() {
			return id;
		}
	}

	/** LINES: 1 mm and 5 mm lines; DOTS: dots at the 1 mm crossings plus 5 mm lines; NONE: blank paper. */
	public enum GridStyle {
		LINES, DOTS, NONE;

		public static GridStyle parse(String s) {
			return PageSpec.parse(GridStyle.class, s, "grid style");
		}

		@Override
		public String toString() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/** Grid ink colours, as 8-bit RGB of a fully inked major line. */
	public enum GridColor {
		RED(0xe0, 0x3c, 0x3c), PINK(0xe8, 0x6e, 0xa0), ORANGE(0xf0, 0x8c, 0x28), GREEN(0x3c, 0xa0, 0x5a),
		BLUE(0x46, 0x78, 0xd2), GREY(0x8c, 0x8c, 0x8c), BLACK(0x28, 0x28, 0x28);

		public final int r;
		public final int g;
		public final int b;

		GridColor(int r, int g, int b) {
			this.r = r;
			this.g = g;
			this.b = b;
		}

		public static GridColor parse(String s) {
			return PageSpec.parse(GridColor.class, s, "grid colour");
		}

		@Override
		public String toString() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/** Pen colours of the trace, pulses and text. */
	public enum TraceColor {
		BLACK(0x10, 0x10, 0x10), DARKBLUE(0x14, 0x1e, 0x5a);

		public final int r;
		public final int g;
		public final int b;

		TraceColor(int r, int g, int b) {
			this.r = r;
			this.g = g;
			this.b = b;
		}

		public int rgb() {
			return r << 16 | g << 8 | b;
		}

		public static TraceColor parse(String s) {
			return PageSpec.parse(TraceColor.class, s.replace(" ", "").replace("_", ""), "trace colour");
		}

		@Override
		public String toString() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	private final PageLayout layout;
	private final Paper paper;
	private final int dpi;
	private final double speed;
	private final double gain;
	private final GridStyle gridStyle;
	private final GridColor gridColor;
	private final double gridContrast;
	private final boolean pulses;
	private final boolean labels;
	private final boolean separators;
	private final boolean header;
	private final boolean border;
	private final double traceWidthMm;
	private final TraceColor traceColor;
	private final Distortions distortions;

	private PageSpec(PageLayout layout, Paper paper, int dpi, double speed, double gain, GridStyle gridStyle,
		GridColor gridColor, double gridContrast, boolean pulses, boolean labels, boolean separators, boolean header,
		boolean border, double traceWidthMm, TraceColor traceColor, Distortions distortions)
	{
		if (dpi < 72 || dpi > 600) throw new EcgException("Resolution must be 72 to 600 dpi, got " + dpi);
		if (speed != 25 && speed != 50) throw new EcgException("Paper speed must be 25 or 50 mm/s, got " + speed);
		if (gain != 5 && gain != 10 && gain != 20) {
			throw new EcgException("Gain must be 5, 10 or 20 mm/mV, got " + gain);
		}
		if (!(gridContrast >= 0 && gridContrast <= 1)) {
			throw new EcgException("Grid contrast must be between 0 and 1, got " + gridContrast);
		}
		if (!(traceWidthMm >= 0.05 && traceWidthMm <= 2)) {
			throw new EcgException("Trace width must be 0.05 to 2 mm, got " + traceWidthMm);
		}
		this.layout = layout;
		this.paper = paper;
		this.dpi = dpi;
		this.speed = speed;
		this.gain = gain;
		this.gridStyle = gridStyle;
		this.gridColor = gridColor;
		this.gridContrast = gridContrast;
		this.pulses = pulses;
		this.labels = labels;
		this.separators = separators;
		this.header = header;
		this.border = border;
		this.traceWidthMm = traceWidthMm;
		this.traceColor = traceColor;
		this.distortions = distortions;
	}

	/** 3x4 with a lead II rhythm strip, Letter, 200 dpi, 25 mm/s, 10 mm/mV, red lines, everything printed, no distortion. */
	public static PageSpec defaults() {
		return new PageSpec(PageLayout.standard3x4Rhythm(), Paper.LETTER, 200, 25, 10, GridStyle.LINES, GridColor.RED,
			1, true, true, true, true, false, 0.3, TraceColor.BLACK, Distortions.NONE);
	}

	public PageSpec withLayout(PageLayout v) {
		for (PageLayout.Cell cell : v.cells()) {
			if (cell.lead == null) {
				throw new EcgException("Layout " + v.spec() + ": the generator draws the 12 standard leads, and '" + cell
					.name + "' is not one of them");
			}
		}
		return new PageSpec(v, paper, dpi, speed, gain, gridStyle, gridColor, gridContrast, pulses, labels, separators,
			header, border, traceWidthMm, traceColor, distortions);
	}

	public PageSpec withLayout(String spec) {
		try {
			return withLayout(PageLayout.parse(spec));
		}
		catch (IllegalArgumentException e) {
			throw new EcgException(e.getMessage());
		}
	}

	public PageSpec withPaper(Paper v) {
		return new PageSpec(layout, v, dpi, speed, gain, gridStyle, gridColor, gridContrast, pulses, labels, separators,
			header, border, traceWidthMm, traceColor, distortions);
	}

	public PageSpec withDpi(int v) {
		return new PageSpec(layout, paper, v, speed, gain, gridStyle, gridColor, gridContrast, pulses, labels,
			separators, header, border, traceWidthMm, traceColor, distortions);
	}

	public PageSpec withSpeed(double v) {
		return new PageSpec(layout, paper, dpi, v, gain, gridStyle, gridColor, gridContrast, pulses, labels, separators,
			header, border, traceWidthMm, traceColor, distortions);
	}

	public PageSpec withGain(double v) {
		return new PageSpec(layout, paper, dpi, speed, v, gridStyle, gridColor, gridContrast, pulses, labels, separators,
			header, border, traceWidthMm, traceColor, distortions);
	}

	public PageSpec withGridStyle(GridStyle v) {
		return new PageSpec(layout, paper, dpi, speed, gain, v, gridColor, gridContrast, pulses, labels, separators,
			header, border, traceWidthMm, traceColor, distortions);
	}

	public PageSpec withGridColor(GridColor v) {
		return new PageSpec(layout, paper, dpi, speed, gain, gridStyle, v, gridContrast, pulses, labels, separators,
			header, border, traceWidthMm, traceColor, distortions);
	}

	public PageSpec withGridContrast(double v) {
		return new PageSpec(layout, paper, dpi, speed, gain, gridStyle, gridColor, v, pulses, labels, separators,
			header, border, traceWidthMm, traceColor, distortions);
	}

	public PageSpec withPulses(boolean v) {
		return new PageSpec(layout, paper, dpi, speed, gain, gridStyle, gridColor, gridContrast, v, labels, separators,
			header, border, traceWidthMm, traceColor, distortions);
	}

	public PageSpec withLabels(boolean v) {
		return new PageSpec(layout, paper, dpi, speed, gain, gridStyle, gridColor, gridContrast, pulses, v, separators,
			header, border, traceWidthMm, traceColor, distortions);
	}

	public PageSpec withSeparators(boolean v) {
		return new PageSpec(layout, paper, dpi, speed, gain, gridStyle, gridColor, gridContrast, pulses, labels, v,
			header, border, traceWidthMm, traceColor, distortions);
	}

	public PageSpec withHeader(boolean v) {
		return new PageSpec(layout, paper, dpi, speed, gain, gridStyle, gridColor, gridContrast, pulses, labels,
			separators, v, border, traceWidthMm, traceColor, distortions);
	}

	/** A frame printed around the grid, as many printers and scanned forms show. */
	public PageSpec withBorder(boolean v) {
		return new PageSpec(layout, paper, dpi, speed, gain, gridStyle, gridColor, gridContrast, pulses, labels,
			separators, header, v, traceWidthMm, traceColor, distortions);
	}

	public PageSpec withTraceWidthMm(double v) {
		return new PageSpec(layout, paper, dpi, speed, gain, gridStyle, gridColor, gridContrast, pulses, labels,
			separators, header, border, v, traceColor, distortions);
	}

	public PageSpec withTraceColor(TraceColor v) {
		return new PageSpec(layout, paper, dpi, speed, gain, gridStyle, gridColor, gridContrast, pulses, labels,
			separators, header, border, traceWidthMm, v, distortions);
	}

	public PageSpec withDistortions(Distortions v) {
		return new PageSpec(layout, paper, dpi, speed, gain, gridStyle, gridColor, gridContrast, pulses, labels,
			separators, header, border, traceWidthMm, traceColor, v);
	}

	public PageSpec withDistortions(String spec) {
		return withDistortions(Distortions.parse(spec));
	}

	public PageLayout layout() {
		return layout;
	}

	public Paper paper() {
		return paper;
	}

	public int dpi() {
		return dpi;
	}

	/** Paper speed in mm/s. */
	public double speed() {
		return speed;
	}

	/** Gain in mm/mV. */
	public double gain() {
		return gain;
	}

	public GridStyle gridStyle() {
		return gridStyle;
	}

	public GridColor gridColor() {
		return gridColor;
	}

	/** 1 = normal grid, lower = fainter. */
	public double gridContrast() {
		return gridContrast;
	}

	public boolean pulses() {
		return pulses;
	}

	public boolean labels() {
		return labels;
	}

	public boolean separators() {
		return separators;
	}

	public boolean header() {
		return header;
	}

	public boolean border() {
		return border;
	}

	public double traceWidthMm() {
		return traceWidthMm;
	}

	public TraceColor traceColor() {
		return traceColor;
	}

	public Distortions distortions() {
		return distortions;
	}

	/** Pixels per millimetre of the undistorted page. */
	public double pxPerMm() {
		return dpi / 25.4;
	}

	/** Seconds of signal shown across the page: 10 s at 25 mm/s, 5 s at 50 mm/s. */
	public double pageSeconds() {
		return 250 / speed;
	}

	public int widthPx() {
		return (int) Math.round(paper.widthMm * pxPerMm());
	}

	public int heightPx() {
		return (int) Math.round(paper.heightMm * pxPerMm());
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String s, String what) {
		String key = s == null ? "" : s.trim().toUpperCase(Locale.ROOT).replace("GRAY", "GREY");
		for (E e : type.getEnumConstants()) if (e.name().equals(key)) return e;
		List<String> names = new ArrayList<>();
		for (E e : type.getEnumConstants()) names.add(e.name().toLowerCase(Locale.ROOT));
		throw new EcgException("Unknown " + what + " '" + s + "': use one of " + names);
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "PageSpec[%s, %s, %d dpi, %s mm/s, %s mm/mV, %s %s grid, %s]", layout,
			paper, dpi, speed, gain, gridColor, gridStyle, distortions);
	}
}
