package org.ecgdigitizer.core.layout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ecgdigitizer.core.io.Json;

/**
 * What lead detection saw on a page and how it decided: the rows of traces, the places along them
 * where a lead seems to change (separator ticks, printed names, breaks in the trace), the lead
 * names read there, every layout considered with its score, and the column timing with its
 * reasons. It goes into the JSON diagnostics and the Fiji tables as it is.
 */
public final class LayoutEvidence {

	/** One row of traces. */
	public static final class Row {
		public final double baselineY;
		public final int top;
		public final int bottom;
		public final int startX;
		public final int endX;
		public final boolean pulse;
		/** "ink" (followed across the page), "pulse" (found from its calibration pulse), "between rows" or "pitch" (filled where the spacing or the pulses' pitch puts a row). */
		public final String foundBy;
		/** QRS complexes seen along the row. */
		public final int beats;

		public Row(double baselineY, int top, int bottom, int startX, int endX, boolean pulse, String foundBy, int beats) {
			this.baselineY = baselineY;
			this.top = top;
			this.bottom = bottom;
			this.startX = startX;
			this.endX = endX;
			this.pulse = pulse;
			this.foundBy = foundBy;
			this.beats = beats;
		}

		Map<String, Object> toJson() {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("baseline_y", baselineY);
			m.put("top", top);
			m.put("bottom", bottom);
			m.put("start_x", startX);
			m.put("end_x", endX);
			m.put("pulse", pulse);
			m.put("found_by", foundBy);
			m.put("beats", beats);
			return m;
		}

		static Row fromJson(Object json) {
			Map<String, Object> m = Json.object(json);
			return new Row(Json.number(m.get("baseline_y"), Double.NaN), (int) Json.number(m.get("top"), 0), (int) Json
				.number(m.get("bottom"), 0), (int) Json.number(m.get("start_x"), 0), (int) Json.number(m.get("end_x"), 0),
				Boolean.TRUE.equals(m.get("pulse")), (String) m.get("found_by"), (int) Json.number(m.get("beats"), 0));
		}
	}

	/** How strongly a row seems to change lead at a fraction of its length, and from what. */
	public static final class Boundary {
		public final int row;
		public final double fraction;
		/** 0 = nothing there, 1 = clear. */
		public final double strength;
		/** "tick", "label", "name" (unread, where the names read stand and of their size), "word", "gap" or "none". */
		public final String seen;
		/** The lead name read there ("label"), else null. */
		public final String text;

		public Boundary(int row, double fraction, double strength, String seen) {
			this(row, fraction, strength, seen, null);
		}

		public Boundary(int row, double fraction, double strength, String seen, String text) {
			this.row = row;
			this.fraction = fraction;
			this.strength = strength;
			this.seen = seen;
			this.text = text;
		}

		Map<String, Object> toJson() {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("row", row);
			m.put("fraction", fraction);
			m.put("strength", strength);
			m.put("seen", seen);
			if (text != null) m.put("text", text);
			return m;
		}

		static Boundary fromJson(Object json) {
			Map<String, Object> m = Json.object(json);
			return new Boundary((int) Json.number(m.get("row"), 0), Json.number(m.get("fraction"), 0), Json.number(m.get(
				"strength"), 0), (String) m.get("seen"), (String) m.get("text"));
		}
	}

	/** A lead name read where a segment may start. */
	public static final class Label {
		public final int row;
		public final double fraction;
		public final String text;

		public Label(int row, double fraction, String text) {
			this.row = row;
			this.fraction = fraction;
			this.text = text;
		}

		Map<String, Object> toJson() {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("row", row);
			m.put("fraction", fraction);
			m.put("text", text);
			return m;
		}

		static Label fromJson(Object json) {
			Map<String, Object> m = Json.object(json);
			return new Label((int) Json.number(m.get("row"), 0), Json.number(m.get("fraction"), 0), (String) m.get("text"));
		}
	}

	/** A layout considered, its score (higher is better) and what counted. */
	public static final class Hypothesis {
		public final String layout;
		public final double score;
		public final String why;

		public Hypothesis(String layout, double score, String why) {
			this.layout = layout;
			this.score = score;
			this.why = why;
		}

		Map<String, Object> toJson() {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("layout", layout);
			m.put("score", score);
			m.put("why", why);
			return m;
		}

		static Hypothesis fromJson(Object json) {
			Map<String, Object> m = Json.object(json);
			return new Hypothesis((String) m.get("layout"), Json.number(m.get("score"), Double.NaN), (String) m.get("why"));
		}
	}

	/**
	 * Whether the columns follow one another in time or show the same window, with the beats that
	 * told: the fraction of a later column's QRS complexes that line up with complexes shown over
	 * the same record time (rhythm strips, the first column) under each assumption.
	 */
	public static final class Timing {
		public final PageLayout.ColumnTiming assumed;
		/** "user", "beats" or "default". */
		public final String source;
		public final double sequentialMatch;
		public final int sequentialBeats;
		public final double sameWindowMatch;
		public final int sameWindowBeats;
		/**
		 * Median distance (s) of a later column's complex to the nearest reference complex under
		 * each assumption (NaN when none was compared): a regular rhythm lines up under both, but
		 * closely only under the true one.
		 */
		public final double sequentialOffset;
		public final double sameWindowOffset;
		/** What the later columns were compared with: "rhythm strip", "first column", or null. */
		public final String reference;
		public final String why;

		public Timing(PageLayout.ColumnTiming assumed, String source, double sequentialMatch, int sequentialBeats,
			double sameWindowMatch, int sameWindowBeats, String why)
		{
			this(assumed, source, sequentialMatch, sequentialBeats, sameWindowMatch, sameWindowBeats, Double.NaN,
				Double.NaN, null, why);
		}

		public Timing(PageLayout.ColumnTiming assumed, String source, double sequentialMatch, int sequentialBeats,
			double sameWindowMatch, int sameWindowBeats, double sequentialOffset, double sameWindowOffset,
			String reference, String why)
		{
			this.assumed = assumed;
			this.source = source;
			this.sequentialMatch = sequentialMatch;
			this.sequentialBeats = sequentialBeats;
			this.sameWindowMatch = sameWindowMatch;
			this.sameWindowBeats = sameWindowBeats;
			this.sequentialOffset = sequentialOffset;
			this.sameWindowOffset = sameWindowOffset;
			this.reference = reference;
			this.why = why;
		}

		Map<String, Object> toJson() {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("assumed", assumed.id);
			m.put("source", source);
			m.put("sequential_match", sequentialMatch);
			m.put("sequential_beats", sequentialBeats);
			m.put("same_window_match", sameWindowMatch);
			m.put("same_window_beats", sameWindowBeats);
			m.put("sequential_offset_s", sequentialOffset);
			m.put("same_window_offset_s", sameWindowOffset);
			m.put("reference", reference);
			m.put("why", why);
			return m;
		}

		static Timing fromJson(Object json) {
			Map<String, Object> m = Json.object(json);
			PageLayout.ColumnTiming t = PageLayout.ColumnTiming.parse(String.valueOf(m.get("assumed")));
			return new Timing(t == null ? PageLayout.ColumnTiming.SEQUENTIAL : t, (String) m.get("source"), Json.number(m
				.get("sequential_match"), Double.NaN), (int) Json.number(m.get("sequential_beats"), 0), Json.number(m.get(
					"same_window_match"), Double.NaN), (int) Json.number(m.get("same_window_beats"), 0), Json.number(m.get(
						"sequential_offset_s"), Double.NaN), Json.number(m.get("same_window_offset_s"), Double.NaN),
				(String) m.get("reference"), (String) m.get("why"));
		}
	}

	public final List<Row> rows;
	public final List<Boundary> boundaries;
	public final List<Label> labels;
	public final List<Hypothesis> hypotheses;
	/** The layout chosen and why. */
	public final String chosen;
	public final String why;
	public final Timing timing;
	/** Why the page was taken to be upright ({@link PageOrientation.Evidence}), or null when not known here. */
	public final Map<String, Object> orientation;
	/** Segments whose labels were not read, named by what the other labels or the signals leave. */
	public final List<NameDeduction.Deduction> naming;

	public LayoutEvidence(List<Row> rows, List<Boundary> boundaries, List<Label> labels, List<Hypothesis> hypotheses,
		String chosen, String why, Timing timing)
	{
		this(rows, boundaries, labels, hypotheses, chosen, why, timing, null);
	}

	public LayoutEvidence(List<Row> rows, List<Boundary> boundaries, List<Label> labels, List<Hypothesis> hypotheses,
		String chosen, String why, Timing timing, Map<String, Object> orientation)
	{
		this(rows, boundaries, labels, hypotheses, chosen, why, timing, orientation, List.of());
	}

	private LayoutEvidence(List<Row> rows, List<Boundary> boundaries, List<Label> labels, List<Hypothesis> hypotheses,
		String chosen, String why, Timing timing, Map<String, Object> orientation, List<NameDeduction.Deduction> naming)
	{
		this.naming = List.copyOf(naming);
		this.orientation = orientation;
		this.rows = Collections.unmodifiableList(new ArrayList<>(rows));
		this.boundaries = Collections.unmodifiableList(new ArrayList<>(boundaries));
		this.labels = Collections.unmodifiableList(new ArrayList<>(labels));
		this.hypotheses = Collections.unmodifiableList(new ArrayList<>(hypotheses));
		this.chosen = chosen;
		this.why = why;
		this.timing = timing;
	}

	/** No evidence: a layout made by hand or read from an older file. */
	public static final LayoutEvidence NONE = new LayoutEvidence(List.of(), List.of(), List.of(), List.of(), null, null,
		null);

	/** The same evidence with the layout finally chosen (after the labels named it) and why. */
	public LayoutEvidence withChoice(String newChosen, String newWhy) {
		return new LayoutEvidence(rows, boundaries, labels, hypotheses, newChosen, newWhy, timing, orientation, naming);
	}

	public LayoutEvidence withTiming(Timing newTiming) {
		return new LayoutEvidence(rows, boundaries, labels, hypotheses, chosen, why, newTiming, orientation, naming);
	}

	/** The same evidence with more segments named by deduction (replacing what was known of those segments). */
	public LayoutEvidence withNaming(List<NameDeduction.Deduction> more) {
		if (more.isEmpty()) return this;
		List<NameDeduction.Deduction> all = new ArrayList<>(naming);
		for (NameDeduction.Deduction d : more) all.removeIf(o -> o.row == d.row && o.column == d.column);
		all.addAll(more);
		return new LayoutEvidence(rows, boundaries, labels, hypotheses, chosen, why, timing, orientation, all);
	}

	/** The boundary evidence of a row at a fraction of its length, or 0 when it was not looked at. */
	public double boundary(int row, double fraction) {
		for (Boundary b : boundaries) if (b.row == row && Math.abs(b.fraction - fraction) < 1e-6) return b.strength;
		return 0;
	}

	/** The score of a considered layout, or NaN. */
	public double score(String layout) {
		for (Hypothesis h : hypotheses) if (h.layout.equals(layout)) return h.score;
		return Double.NaN;
	}

	/** One line per finding, for tables: item and value. */
	public List<String[]> lines() {
		List<String[]> out = new ArrayList<>();
		out.add(new String[] { "rows of traces", Integer.toString(rows.size()) });
		int pulses = 0;
		for (Row r : rows) if (r.pulse) pulses++;
		out.add(new String[] { "rows with a calibration pulse", Integer.toString(pulses) });
		for (Hypothesis h : hypotheses) {
			out.add(new String[] { "layout " + h.layout, String.format(Locale.ROOT, "%.2f: %s", h.score, h.why) });
		}
		if (chosen != null) out.add(new String[] { "layout chosen", chosen + (why == null ? "" : ": " + why) });
		if (timing != null) {
			out.add(new String[] { "column timing", timing.assumed.id + " (" + timing.source + "): " + timing.why });
		}
		if (orientation != null) out.add(new String[] { "orientation", String.valueOf(orientation.get("why")) });
		return out;
	}

	public Map<String, Object> toJson() {
		Map<String, Object> m = new LinkedHashMap<>();
		List<Object> r = new ArrayList<>();
		for (Row row : rows) r.add(row.toJson());
		m.put("rows", r);
		List<Object> b = new ArrayList<>();
		for (Boundary x : boundaries) b.add(x.toJson());
		m.put("boundaries", b);
		List<Object> l = new ArrayList<>();
		for (Label x : labels) l.add(x.toJson());
		m.put("labels", l);
		List<Object> h = new ArrayList<>();
		for (Hypothesis x : hypotheses) h.add(x.toJson());
		m.put("hypotheses", h);
		m.put("chosen", chosen);
		m.put("why", why);
		m.put("column_timing", timing == null ? null : timing.toJson());
		m.put("orientation", orientation);
		if (!naming.isEmpty()) {
			List<Object> n = new ArrayList<>();
			for (NameDeduction.Deduction d : naming) n.add(d.toJson());
			m.put("naming", n);
		}
		return m;
	}

	public static LayoutEvidence fromJson(Object json) {
		if (json == null) return NONE;
		Map<String, Object> m = Json.object(json);
		List<Row> rows = new ArrayList<>();
		for (Object o : list(m.get("rows"))) rows.add(Row.fromJson(o));
		List<Boundary> boundaries = new ArrayList<>();
		for (Object o : list(m.get("boundaries"))) boundaries.add(Boundary.fromJson(o));
		List<Label> labels = new ArrayList<>();
		for (Object o : list(m.get("labels"))) labels.add(Label.fromJson(o));
		List<Hypothesis> hypotheses = new ArrayList<>();
		for (Object o : list(m.get("hypotheses"))) hypotheses.add(Hypothesis.fromJson(o));
		Object t = m.get("column_timing");
		Object o = m.get("orientation");
		List<NameDeduction.Deduction> naming = new ArrayList<>();
		for (Object d : list(m.get("naming"))) naming.add(NameDeduction.Deduction.fromJson(d));
		return new LayoutEvidence(rows, boundaries, labels, hypotheses, (String) m.get("chosen"), (String) m.get("why"),
			t == null ? null : Timing.fromJson(t), o == null ? null : Json.object(o), naming);
	}

	private static List<Object> list(Object json) {
		return json == null ? List.of() : Json.array(json);
	}
}
