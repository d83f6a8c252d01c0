package org.ecgdigitizer.core.layout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.ecgdigitizer.core.signal.Lead;

/**
 * How the leads of a 12-lead ECG are arranged on a page: rows of short segments, plus
 * optional full-width rhythm strips. The generator draws pages from it and the lead
 * detector matches pages against it.
 *
 * <p>Time runs left to right. A page shows {@code pageSeconds} of signal (10 s at 25 mm/s);
 * column c of n shows the window [c, c+1) * pageSeconds / n, as real printers do.
 * Rhythm strips span all columns.</p>
 */
public final class PageLayout {

	/** The supported arrangements of short segments. */
	public enum Kind {
		/** 3 rows x 4 columns. */
		L3X4("3x4", 3, 4, 0),
		/** 3 x 4 plus one rhythm strip. */
		L3X4_1("3x4+1", 3, 4, 1),
		/** 3 x 4 plus two rhythm strips (V1 and II, as GE prints them). */
		L3X4_2("3x4+2", 3, 4, 2),
		/** 3 x 4 plus three rhythm strips. */
		L3X4_3("3x4+3", 3, 4, 3),
		/** 6 rows x 2 columns, the second column continuing in time. */
		L6X2("6x2", 6, 2, 0),
		/** 12 rows, one full-width column. */
		L12X1("12x1", 12, 1, 0);

		public final String id;
		public final int rows;
		public final int columns;
		public final int rhythmStrips;

		Kind(String id, int rows, int columns, int rhythmStrips) {
			this.id = id;
			this.rows = rows;
			this.columns = columns;
			this.rhythmStrips = rhythmStrips;
		}

		public static Kind parse(String id) {
			for (Kind k : values()) if (k.id.equalsIgnoreCase(id.trim())) return k;
			throw new IllegalArgumentException("Unknown layout '" + id + "': use one of " + ids());
		}

		public static List<String> ids() {
			List<String> ids = new ArrayList<>();
			for (Kind k : values()) ids.add(k.id);
			return ids;
		}
	}

	/** One printed segment: which lead, where in the grid of rows and columns, which time window. */
	public static final class Cell {
		public final Lead lead;
		/** Printed upside down, as -aVR in the Cabrera display. */
		public final boolean inverted;
		public final int row;
		public final int column;
		public final int columnSpan;
		public final boolean rhythm;

		Cell(Lead lead, boolean inverted, int row, int column, int columnSpan, boolean rhythm) {
			this.lead = lead;
			this.inverted = inverted;
			this.row = row;
			this.column = column;
			this.columnSpan = columnSpan;
			this.rhythm = rhythm;
		}

		/** The text printed next to the segment: "aVR", or "-aVR" when inverted. */
		public String label() {
			return (inverted ? "-" : "") + lead.label();
		}

		/** Start of the time window as a fraction of the page duration. */
		public double startFraction(int columns) {
			return column / (double) columns;
		}

		public double endFraction(int columns) {
			return (column + columnSpan) / (double) columns;
		}

		@Override
		public String toString() {
			return label() + "@r" + row + "c" + column + (columnSpan > 1 ? "x" + columnSpan : "");
		}
	}

	/** Default rhythm leads: II for one strip; V1, II for two; V1, II, V5 for three. */
	public static final List<Lead> ONE_RHYTHM = List.of(Lead.II);
	public static final List<Lead> TWO_RHYTHM = List.of(Lead.V1, Lead.II);
	public static final List<Lead> THREE_RHYTHM = List.of(Lead.V1, Lead.II, Lead.V5);

	private final Kind kind;
	private final boolean cabrera;
	private final List<Lead> rhythmLeads;
	private final List<Cell> cells;

	public PageLayout(Kind kind, boolean cabrera, List<Lead> rhythmLeads) {
		if (rhythmLeads.size() != kind.rhythmStrips) {
			throw new IllegalArgumentException("Layout " + kind.id + " needs " + kind.rhythmStrips +
				" rhythm lead(s), got " + rhythmLeads);
		}
		this.kind = kind;
		this.cabrera = cabrera;
		this.rhythmLeads = List.copyOf(rhythmLeads);
		this.cells = Collections.unmodifiableList(buildCells());
	}

	/** The layout with its default rhythm leads. */
	public static PageLayout of(Kind kind, boolean cabrera) {
		return new PageLayout(kind, cabrera, defaultRhythm(kind));
	}

	static List<Lead> defaultRhythm(Kind kind) {
		switch (kind.rhythmStrips) {
			case 0: return List.of();
			case 1: return ONE_RHYTHM;
			case 2: return TWO_RHYTHM;
			default: return THREE_RHYTHM;
		}
	}

	public static PageLayout standard3x4Rhythm() {
		return of(Kind.L3X4_1, false);
	}

	/**
	 * Parses "3x4", "3x4+1", "3x4+1:V1", "3x4+3", "3x4+3:V1,II,V5", "6x2", "12x1", each optionally
	 * followed by "/cabrera" (for example "6x2/cabrera").
	 */
	public static PageLayout parse(String spec) {
		String s = spec.trim();
		boolean cab = false;
		int slash = s.indexOf('/');
		if (slash >= 0) {
			String mod = s.substring(slash + 1).trim().toLowerCase(Locale.ROOT);
			if (!mod.equals("cabrera") && !mod.equals("standard")) {
				throw new IllegalArgumentException("Unknown lead order '" + mod + "': use 'standard' or 'cabrera'");
			}
			cab = mod.equals("cabrera");
			s = s.substring(0, slash);
		}
		String leads = null;
		int colon = s.indexOf(':');
		if (colon >= 0) {
			leads = s.substring(colon + 1);
			s = s.substring(0, colon);
		}
		Kind kind = Kind.parse(s);
		if (leads == null) return of(kind, cab);
		List<Lead> rhythm = new ArrayList<>();
		for (String name : leads.split(",")) rhythm.add(Lead.of(name));
		return new PageLayout(kind, cab, rhythm);
	}

	public Kind kind() {
		return kind;
	}

	public boolean isCabrera() {
		return cabrera;
	}

	public List<Lead> rhythmLeads() {
		return rhythmLeads;
	}

	/** All printed segments, top row first, left to right. */
	public List<Cell> cells() {
		return cells;
	}

	/** Rows of short segments plus rhythm strips. */
	public int rowCount() {
		return kind.rows + kind.rhythmStrips;
	}

	public int columnCount() {
		return kind.columns;
	}

	/** The spec string that {@link #parse} reads back. */
	public String spec() {
		StringBuilder sb = new StringBuilder(kind.id);
		if (!rhythmLeads.equals(defaultRhythm(kind))) {
			sb.append(':');
			for (int i = 0; i < rhythmLeads.size(); i++) sb.append(i > 0 ? "," : "").append(rhythmLeads.get(i).label());
		}
		if (cabrera) sb.append("/cabrera");
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

	/** Limb leads in display order; Cabrera shows aVL, I, -aVR, II, aVF, III. */
	private List<Cell> limbOrder(int firstRow, int column, boolean downRows) {
		Lead[] order = cabrera
			? new Lead[] { Lead.AVL, Lead.I, Lead.AVR, Lead.II, Lead.AVF, Lead.III }
			: new Lead[] { Lead.I, Lead.II, Lead.III, Lead.AVR, Lead.AVL, Lead.AVF };
		List<Cell> out = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			boolean inverted = cabrera && order[i] == Lead.AVR;
			out.add(new Cell(order[i], inverted, downRows ? firstRow + i : firstRow, downRows ? column : column + i, 1,
				false));
		}
		return out;
	}

	private List<Cell> buildCells() {
		List<Cell> out = new ArrayList<>();
		Lead[] chest = { Lead.V1, Lead.V2, Lead.V3, Lead.V4, Lead.V5, Lead.V6 };
		switch (kind) {
			case L3X4:
			case L3X4_1:
			case L3X4_2:
			case L3X4_3: {
				List<Cell> limb = limbOrder(0, 0, true);
				for (int row = 0; row < 3; row++) {
					// columns: limb leads 0-2, limb leads 3-5, V1-V3, V4-V6
					Cell a = limb.get(row);
					Cell b = limb.get(row + 3);
					out.add(new Cell(a.lead, a.inverted, row, 0, 1, false));
					out.add(new Cell(b.lead, b.inverted, row, 1, 1, false));
					out.add(new Cell(chest[row], false, row, 2, 1, false));
					out.add(new Cell(chest[row + 3], false, row, 3, 1, false));
				}
				break;
			}
			case L6X2:
				for (int row = 0; row < 6; row++) {
					Cell a = limbOrder(0, 0, true).get(row);
					out.add(new Cell(a.lead, a.inverted, row, 0, 1, false));
					out.add(new Cell(chest[row], false, row, 1, 1, false));
				}
				break;
			case L12X1:
				out.addAll(limbOrder(0, 0, true));
				for (int i = 0; i < 6; i++) out.add(new Cell(chest[i], false, 6 + i, 0, 1, false));
				break;
			default:
				throw new AssertionError(kind);
		}
		for (int i = 0; i < rhythmLeads.size(); i++) {
			out.add(new Cell(rhythmLeads.get(i), false, kind.rows + i, 0, kind.columns, true));
		}
		return out;
	}
}
