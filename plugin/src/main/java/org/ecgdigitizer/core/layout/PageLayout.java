package org.ecgdigitizer.core.layout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.ecgdigitizer.core.signal.Lead;

/**
 * How the leads of an ECG are arranged on a page: rows of segments, each with its lead and the
 * time window of the record it shows. The generator draws pages from it, the lead detector matches
 * pages against it, and the regions, the JSON and the ROIs are cut from it.
 *
 * <p>A <em>template</em> is one of the arrangements printers use for the 12 leads (3x4, 6x2, 12x1,
 * in the standard or the Cabrera order) plus up to three full-width rhythm strips. A <em>free</em>
 * layout is whatever a page shows (a 6x1 limb-lead page, 15 leads in 3x5, two strips), written
 * row by row with the names printed on it.</p>
 *
 * <p>Time runs left to right, {@code pageSeconds} across a full row. Most printers show their
 * columns one after another ({@link ColumnTiming#SEQUENTIAL}: column c of n shows
 * [c, c+1) x pageSeconds / n); some show every column over the same window
 * ({@link ColumnTiming#SAME_WINDOW}: [0, 1) x pageSeconds / n). A full-width strip shows the
 * whole page duration either way.</p>
 *
 * <p>Specs: {@code 3x4}, {@code 3x4+1}, {@code 3x4+3:V1,II,V5}, {@code 6x2+1:I}, {@code 12x1},
 * each optionally followed by {@code /cabrera} and {@code /same-window}; free layouts as
 * {@code rows:I,aVR,V1,V4;II,aVL,V2,V5} (rows separated by ';', segments by ',', '?' for a segment
 * whose name is unknown).</p>
 */
public final class PageLayout {

	/** The arrangements printers use for the 12 leads. */
	public enum Kind {
		/** 3 rows x 4 columns. */
		L3X4("3x4", 3, 4),
		/** 6 rows x 2 columns. */
		L6X2("6x2", 6, 2),
		/** 12 rows, one full-width column. */
		L12X1("12x1", 12, 1),
		/** Whatever the page shows, row by row. */
		FREE("rows", 0, 0);

		public final String id;
		/** Rows and columns of the 12 short segments (0 for free layouts). */
		public final int rows;
		public final int columns;

		Kind(String id, int rows, int columns) {
			this.id = id;
			this.rows = rows;
			this.columns = columns;
		}

		public static Kind parse(String id) {
			for (Kind k : values()) if (k != FREE && k.id.equalsIgnoreCase(id.trim())) return k;
			throw new IllegalArgumentException("Unknown layout '" + id + "': use one of " + ids() +
				", optionally with +1 to +3 rhythm strips, /cabrera and /same-window, or rows:NAMES;NAMES...");
		}

		public static List<String> ids() {
			List<String> ids = new ArrayList<>();
			for (Kind k : values()) if (k != FREE) ids.add(k.id);
			return ids;
		}
	}

	/** Whether a page's columns follow one another in time or all show the same window. */
	public enum ColumnTiming {
		/** Column c of n shows [c, c+1) x pageSeconds / n: most printers. */
		SEQUENTIAL("sequential"),
		/** Every column shows [0, 1) x pageSeconds / n (ecg-image-kit's 6x2, some printers' 6x2). */
		SAME_WINDOW("same-window");

		public final String id;

		ColumnTiming(String id) {
			this.id = id;
		}

		public static ColumnTiming parse(String s) {
			for (ColumnTiming t : values()) if (t.id.equalsIgnoreCase(s.trim())) return t;
			return null;
		}
	}

	/** One printed segment: its name and lead, where it is in the rows and columns, which time window. */
	public static final class Cell {
		/** The standard lead, or null for a name that is not one of the 12 (V4R, or "?" when unknown). */
		public final Lead lead;
		/** The name printed beside the segment: "aVR", "-aVR", "V4R", or "?". */
		public final String name;
		/** Printed upside down, as -aVR in the Cabrera display. */
		public final boolean inverted;
		public final int row;
		public final int column;
		public final int columnSpan;
		public final boolean rhythm;
		/** The record window shown, as fractions of the page duration. */
		public final double windowStart;
		public final double windowEnd;

		Cell(String name, int row, int column, int columnSpan, boolean rhythm, double windowStart, double windowEnd) {
			this.name = name;
			this.inverted = name.startsWith("-");
			this.lead = Lead.parse(inverted ? name.substring(1) : name);
			this.row = row;
			this.column = column;
			this.columnSpan = columnSpan;
			this.rhythm = rhythm;
			this.windowStart = windowStart;
			this.windowEnd = windowEnd;
		}

		/** The same segment under another name (one the signals gave it, say). */
		public Cell named(String newName) {
			return new Cell(newName, row, column, columnSpan, rhythm, windowStart, windowEnd);
		}

		/** The text printed next to the segment: "aVR", or "-aVR" when inverted. */
		public String label() {
			return name;
		}

		/** Where the segment starts on its row, as a fraction of the row's length. */
		public double startFraction(int columns) {
			return column / (double) columns;
		}

		public double endFraction(int columns) {
			return (column + columnSpan) / (double) columns;
		}

		@Override
		public String toString() {
			return name + "@r" + row + "c" + column + (columnSpan > 1 ? "x" + columnSpan : "");
		}
	}

	/** Default rhythm leads: II for one strip; V1, II for two; V1, II, V5 for three. */
	public static final List<Lead> ONE_RHYTHM = List.of(Lead.II);
	public static final List<Lead> TWO_RHYTHM = List.of(Lead.V1, Lead.II);
	public static final List<Lead> THREE_RHYTHM = List.of(Lead.V1, Lead.II, Lead.V5);

	private final Kind kind;
	private final boolean cabrera;
	private final List<Lead> rhythmLeads;
	private final ColumnTiming timing;
	/** A free layout's names, row by row (null for a template). */
	private final List<List<String>> names;
	private final int rows;
	private final int columns;
	private final List<Cell> cells;

	public PageLayout(Kind kind, boolean cabrera, List<Lead> rhythmLeads) {
		this(kind, cabrera, rhythmLeads, ColumnTiming.SEQUENTIAL);
	}

	public PageLayout(Kind kind, boolean cabrera, List<Lead> rhythmLeads, ColumnTiming timing) {
		if (kind == Kind.FREE) throw new IllegalArgumentException("a free layout is made with PageLayout.free");
		if (rhythmLeads.size() > 3) {
			throw new IllegalArgumentException("Layout " + kind.id + " takes at most 3 rhythm strips, got " + rhythmLeads);
		}
		this.kind = kind;
		this.cabrera = cabrera;
		this.rhythmLeads = List.copyOf(rhythmLeads);
		this.timing = timing;
		this.names = null;
		this.rows = kind.rows + rhythmLeads.size();
		this.columns = kind.columns;
		this.cells = Collections.unmodifiableList(templateCells());
	}

	private PageLayout(List<List<String>> names, ColumnTiming timing) {
		if (names.isEmpty()) throw new IllegalArgumentException("A free layout needs at least one row");
		int widest = 1;
		for (List<String> row : names) {
			if (row.isEmpty()) throw new IllegalArgumentException("A row of a free layout needs at least one segment");
			widest = lcm(widest, row.size());
		}
		if (widest > 12) throw new IllegalArgumentException("The rows of a free layout split the page into too many columns: " +
			names);
		this.kind = Kind.FREE;
		this.cabrera = false;
		this.rhythmLeads = List.of();
		this.timing = timing;
		List<List<String>> copy = new ArrayList<>();
		for (List<String> row : names) copy.add(List.copyOf(row));
		this.names = Collections.unmodifiableList(copy);
		this.rows = names.size();
		this.columns = widest;
		this.cells = Collections.unmodifiableList(freeCells());
	}

	/** The template with its default rhythm leads (none). */
	public static PageLayout of(Kind kind, boolean cabrera) {
		return new PageLayout(kind, cabrera, List.of());
	}

	/** The template with {@code strips} rhythm strips of the usual leads. */
	public static PageLayout of(Kind kind, boolean cabrera, int strips) {
		return new PageLayout(kind, cabrera, defaultRhythm(strips));
	}

	/**
	 * A free layout: rows of segments named as printed ("I", "-aVR", "V4R", "?"); each row splits the
	 * page into equal segments.
	 */
	public static PageLayout free(List<List<String>> names, ColumnTiming timing) {
		return new PageLayout(names, timing);
	}

	static List<Lead> defaultRhythm(int strips) {
		switch (strips) {
			case 0: return List.of();
			case 1: return ONE_RHYTHM;
			case 2: return TWO_RHYTHM;
			default: return THREE_RHYTHM;
		}
	}

	public static PageLayout standard3x4Rhythm() {
		return of(Kind.L3X4, false, 1);
	}

	/**
	 * Parses a spec (see the class comment): "3x4", "3x4+1", "3x4+1:V1", "3x4+3:V1,II,V5", "6x2+1:I",
	 * "12x1", each optionally followed by "/cabrera" and "/same-window"; or "rows:I;II;III".
	 */
	public static PageLayout parse(String spec) {
		String s = spec.trim();
		boolean cab = false;
		ColumnTiming timing = ColumnTiming.SEQUENTIAL;
		int slash = s.indexOf('/');
		if (slash >= 0) {
			for (String mod : s.substring(slash + 1).split("/")) {
				String m = mod.trim().toLowerCase(Locale.ROOT);
				ColumnTiming t = ColumnTiming.parse(m);
				if (t != null) timing = t;
				else if (m.equals("cabrera") || m.equals("standard")) cab = m.equals("cabrera");
				else throw new IllegalArgumentException("Unknown layout option '" + mod + "': use 'cabrera', 'standard', " +
					"'sequential' or 'same-window'");
			}
			s = s.substring(0, slash).trim();
		}
		if (s.toLowerCase(Locale.ROOT).startsWith(Kind.FREE.id + ":")) {
			if (cab) throw new IllegalArgumentException("A free layout names its segments itself; drop '/cabrera'");
			List<List<String>> rows = new ArrayList<>();
			for (String row : s.substring(Kind.FREE.id.length() + 1).split(";")) {
				List<String> names = new ArrayList<>();
				for (String name : row.split(",")) names.add(canonicalName(name));
				rows.add(names);
			}
			return free(rows, timing);
		}
		String leads = null;
		int colon = s.indexOf(':');
		if (colon >= 0) {
			leads = s.substring(colon + 1);
			s = s.substring(0, colon);
		}
		int strips = -1;
		int plus = s.indexOf('+');
		if (plus >= 0) {
			try {
				strips = Integer.parseInt(s.substring(plus + 1).trim());
			}
			catch (NumberFormatException e) {
				throw new IllegalArgumentException("Layout '" + spec + "': the number of rhythm strips after '+' must be 0 to 3");
			}
			if (strips < 0 || strips > 3) throw new IllegalArgumentException("Layout '" + spec +
				"': the number of rhythm strips after '+' must be 0 to 3");
			s = s.substring(0, plus);
		}
		Kind kind = Kind.parse(s);
		List<Lead> rhythm = new ArrayList<>();
		if (leads != null) {
			for (String name : leads.split(",")) rhythm.add(Lead.of(name));
			if (strips >= 0 && strips != rhythm.size()) throw new IllegalArgumentException("Layout '" + spec + "' has " +
				strips + " rhythm strip(s) but names " + rhythm.size());
		}
		else {
			rhythm = defaultRhythm(Math.max(0, strips));
		}
		return new PageLayout(kind, cab, rhythm, timing);
	}

	/** A printed name in its usual spelling ("avr" -> "aVR", "v4r" -> "V4R"); "?" for unknown. */
	static String canonicalName(String name) {
		String n = name.trim();
		if (n.isEmpty() || n.equals("?")) return "?";
		boolean minus = n.startsWith("-");
		String body = minus ? n.substring(1) : n;
		Lead lead = Lead.parse(body);
		if (lead != null) return (minus ? "-" : "") + lead.label();
		if (!body.matches("[A-Za-z0-9]{1,6}")) throw new IllegalArgumentException("Unknown lead name '" + name + "'");
		return (minus ? "-" : "") + body.toUpperCase(Locale.ROOT);
	}

	public Kind kind() {
		return kind;
	}

	public boolean isFree() {
		return kind == Kind.FREE;
	}

	public boolean isCabrera() {
		return cabrera;
	}

	public ColumnTiming timing() {
		return timing;
	}

	public List<Lead> rhythmLeads() {
		return rhythmLeads;
	}

	/** All printed segments, top row first, left to right. */
	public List<Cell> cells() {
		return cells;
	}

	/** Rows of segments, rhythm strips included. */
	public int rowCount() {
		return rows;
	}

	public int columnCount() {
		return columns;
	}

	/** How many segments each row has, top to bottom. */
	public int[] segmentsPerRow() {
		int[] n = new int[rows];
		for (Cell c : cells) n[c.row]++;
		return n;
	}

	/** The same arrangement in the other lead order (a free layout keeps its names). */
	public PageLayout withOrder(boolean newCabrera) {
		if (isFree() || newCabrera == cabrera) return this;
		return new PageLayout(kind, newCabrera, rhythmLeads, timing);
	}

	/** The same arrangement with other rhythm leads (as many as it has). */
	public PageLayout withRhythm(List<Lead> leads) {
		if (isFree() || leads.equals(rhythmLeads)) return this;
		return new PageLayout(kind, cabrera, leads, timing);
	}

	public PageLayout withTiming(ColumnTiming newTiming) {
		if (newTiming == timing) return this;
		return isFree() ? new PageLayout(names, newTiming) : new PageLayout(kind, cabrera, rhythmLeads, newTiming);
	}

	/** The free layout that prints these names row by row (what a page shows when its labels name it). */
	public static PageLayout freeFrom(List<Cell> cells, int rowCount, ColumnTiming timing) {
		List<List<String>> rows = new ArrayList<>();
		for (int r = 0; r < rowCount; r++) rows.add(new ArrayList<>());
		List<Cell> sorted = new ArrayList<>(cells);
		sorted.sort((a, b) -> a.row != b.row ? Integer.compare(a.row, b.row) : Integer.compare(a.column, b.column));
		for (Cell c : sorted) rows.get(c.row).add(c.name);
		return free(rows, timing);
	}

	/** The spec string that {@link #parse} reads back. */
	public String spec() {
		StringBuilder sb = new StringBuilder();
		if (isFree()) {
			sb.append(Kind.FREE.id).append(':');
			for (int r = 0; r < names.size(); r++) sb.append(r > 0 ? ";" : "").append(String.join(",", names.get(r)));
		}
		else {
			sb.append(kind.id);
			if (!rhythmLeads.isEmpty()) sb.append('+').append(rhythmLeads.size());
			if (!rhythmLeads.isEmpty() && !rhythmLeads.equals(defaultRhythm(rhythmLeads.size()))) {
				sb.append(':');
				for (int i = 0; i < rhythmLeads.size(); i++) sb.append(i > 0 ? "," : "").append(rhythmLeads.get(i).label());
			}
			if (cabrera) sb.append("/cabrera");
		}
		if (timing == ColumnTiming.SAME_WINDOW) sb.append('/').append(timing.id);
		return sb.toString();
	}

	@Override
	public String toString() {
		return spec();
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof PageLayout && ((PageLayout) o).spec().equals(spec());
	}

	@Override
	public int hashCode() {
		return spec().hashCode();
	}

	private static int lcm(int a, int b) {
		int x = a;
		int y = b;
		while (y != 0) {
			int t = x % y;
			x = y;
			y = t;
		}
		return a / x * b;
	}

	/** A cell of a row split into {@code segments}, with its window under this layout's timing. */
	private Cell cell(String name, int row, int segment, int segments) {
		int span = columns / segments;
		int column = segment * span;
		boolean rhythm = segments == 1 && columns > 1;
		double start = rhythm || timing == ColumnTiming.SEQUENTIAL ? column / (double) columns : 0;
		double end = start + span / (double) columns;
		return new Cell(name, row, column, span, rhythm, start, end);
	}

	private List<Cell> freeCells() {
		List<Cell> out = new ArrayList<>();
		for (int r = 0; r < names.size(); r++) {
			List<String> row = names.get(r);
			for (int i = 0; i < row.size(); i++) out.add(cell(row.get(i), r, i, row.size()));
		}
		return out;
	}

	/** Limb leads in display order; Cabrera shows aVL, I, -aVR, II, aVF, III. */
	private String[] limbOrder() {
		return cabrera ? new String[] { "aVL", "I", "-aVR", "II", "aVF", "III" }
			: new String[] { "I", "II", "III", "aVR", "aVL", "aVF" };
	}

	private List<Cell> templateCells() {
		List<Cell> out = new ArrayList<>();
		String[] limb = limbOrder();
		String[] chest = { "V1", "V2", "V3", "V4", "V5", "V6" };
		switch (kind) {
			case L3X4:
				for (int row = 0; row < 3; row++) {
					// columns: limb leads 0-2, limb leads 3-5, V1-V3, V4-V6
					out.add(cell(limb[row], row, 0, 4));
					out.add(cell(limb[row + 3], row, 1, 4));
					out.add(cell(chest[row], row, 2, 4));
					out.add(cell(chest[row + 3], row, 3, 4));
				}
				break;
			case L6X2:
				for (int row = 0; row < 6; row++) {
					out.add(cell(limb[row], row, 0, 2));
					out.add(cell(chest[row], row, 1, 2));
				}
				break;
			case L12X1:
				for (int i = 0; i < 6; i++) out.add(cell(limb[i], i, 0, 1));
				for (int i = 0; i < 6; i++) out.add(cell(chest[i], 6 + i, 0, 1));
				break;
			default:
				throw new AssertionError(kind);
		}
		for (int i = 0; i < rhythmLeads.size(); i++) {
			Cell strip = cell(rhythmLeads.get(i).label(), kind.rows + i, 0, 1);
			out.add(new Cell(strip.name, strip.row, 0, columns, true, 0, 1));
		}
		return out;
	}
}
