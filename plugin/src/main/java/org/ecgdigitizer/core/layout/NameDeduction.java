package org.ecgdigitizer.core.layout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ecgdigitizer.core.io.Json;
import org.ecgdigitizer.core.signal.Lead;

/**
 * Names segments whose labels were not read from what the page's other labels leave: a printer
 * prints each lead once, so a label the reader could only narrow down to a few words (a trace line
 * hides the letter that tells II from III, V3 from V1) names the one of them no other label
 * names; and when the labels narrow each other down (two unread labels that read II or III take
 * both, so a third that reads V3 or II is V3), so does that. What each name rests on is kept as a
 * {@link Deduction}.
 */
public final class NameDeduction {

	/** The rule of a segment left unnamed whose label reads one of a few leads. */
	public static final String SHORTLIST = "label shortlist";

	private NameDeduction() {}

	/** One segment named by deduction, with what it rests on (the JSON's {@code naming_evidence}). */
	public static final class Deduction {
		public final int row;
		public final int column;
		/** The name given; null for a {@link #SHORTLIST}, not named yet. */
		public final String lead;
		/** The leads its own label may read ({@link LabelReader.Reading#possibleLeads}); empty: none read. */
		public final List<String> labelAllows;
		/** "label and unused leads", "the one lead left", "limb-lead laws" or {@link #SHORTLIST}. */
		public final String rule;
		public final String why;
		/**
		 * Per lead of the shortlist, how well the segment's signal matches that lead's (a rhythm strip
		 * against the rows: {@code StripShortlist}); NaN where they share no time. Empty: not measured.
		 */
		public final Map<String, Double> signalMatch;

		public Deduction(int row, int column, String lead, List<String> labelAllows, String rule, String why) {
			this(row, column, lead, labelAllows, rule, why, Map.of());
		}

		public Deduction(int row, int column, String lead, List<String> labelAllows, String rule, String why,
			Map<String, Double> signalMatch)
		{
			this.row = row;
			this.column = column;
			this.lead = lead;
			this.labelAllows = List.copyOf(labelAllows);
			this.rule = rule;
			this.why = why;
			this.signalMatch = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(signalMatch));
		}

		public Map<String, Object> toJson() {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("row", row);
			m.put("column", column);
			m.put("lead", lead);
			m.put("label_allows", labelAllows);
			m.put("rule", rule);
			m.put("why", why);
			if (!signalMatch.isEmpty()) m.put("signal_match", new LinkedHashMap<>(signalMatch));
			return m;
		}

		static Deduction fromJson(Object json) {
			Map<String, Object> m = Json.object(json);
			List<String> allows = new ArrayList<>();
			Object a = m.get("label_allows");
			if (a != null) for (Object o : Json.array(a)) allows.add((String) o);
			Map<String, Double> match = new LinkedHashMap<>();
			Object s = m.get("signal_match");
			if (s != null) for (Map.Entry<String, Object> e : Json.object(s).entrySet()) match.put(e.getKey(), Json.number(e
				.getValue(), Double.NaN));
			return new Deduction((int) Json.number(m.get("row"), 0), (int) Json.number(m.get("column"), 0), (String) m.get(
				"lead"), allows, (String) m.get("rule"), (String) m.get("why"), match);
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "row %d, column %d: %s (%s: %s)", row + 1, column + 1, lead, rule, why);
		}
	}

	/**
	 * Names what can be named of the unread segments.
	 *
	 * @param allowed per unread segment the leads its label may read (empty: nothing known)
	 * @param missing the leads the page prints that no segment is named yet; the leads named here are
	 *        taken out of it
	 * @return per unread segment its lead, or null
	 */
	public static Lead[] deduce(List<List<Lead>> allowed, List<Lead> missing) {
		int n = allowed.size();
		Lead[] out = new Lead[n];
		boolean changed = true;
		while (changed) {
			changed = false;
			List<List<Lead>> options = new ArrayList<>();
			for (int u = 0; u < n; u++) {
				List<Lead> o = new ArrayList<>();
				if (out[u] == null) for (Lead l : allowed.get(u)) if (missing.contains(l)) o.add(l);
				options.add(o);
			}
			// k labels that may each read only the same k leads take those k leads from every other label
			for (int u = 0; u < n; u++) {
				List<Lead> set = options.get(u);
				if (set.isEmpty()) continue;
				List<Integer> same = new ArrayList<>();
				for (int v = 0; v < n; v++) if (options.get(v).size() == set.size() && options.get(v).containsAll(set)) same.add(v);
				if (same.size() != set.size()) continue;
				for (int v = 0; v < n; v++) {
					if (same.contains(v)) continue;
					options.set(v, without(options.get(v), set));
				}
			}
			for (int u = 0; u < n; u++) {
				if (out[u] != null || options.get(u).size() != 1 || allowed.get(u).isEmpty()) continue;
				out[u] = options.get(u).get(0);
				missing.remove(out[u]);
				changed = true;
				break;
			}
		}
		return out;
	}

	/**
	 * The leads a page prints that no segment is named: of the groups (limb, chest) it is known to
	 * print or has a lead named of, as printers print a group together; of both when its unread
	 * segments outnumber what those groups miss, since every segment shows some lead (12x1/muse-af
	 * with only aVR, aVL and aVF read has nine unread rows, not three: its chest leads are printed too).
	 *
	 * @param named per lead (ordinal) whether a segment is named it
	 * @param limb, chest whether the page is known to print that group (a template prints both)
	 * @param unread how many segments are still unnamed
	 */
	public static List<Lead> missing(boolean[] named, boolean limb, boolean chest, int unread) {
		for (Lead lead : Lead.values()) {
			if (!named[lead.ordinal()]) continue;
			if (lead.isLimb()) limb = true;
			else chest = true;
		}
		List<Lead> out = new ArrayList<>();
		for (Lead lead : Lead.values()) {
			if (!named[lead.ordinal()] && (lead.isLimb() ? limb : chest)) out.add(lead);
		}
		if (unread <= out.size() || limb && chest) return out;
		out.clear();
		for (Lead lead : Lead.values()) if (!named[lead.ordinal()]) out.add(lead);
		return out;
	}

	/** Per segment (row, column) the leads its label may read, from the {@link #SHORTLIST} entries. */
	public static List<Lead> shortlist(List<Deduction> evidence, int row, int column) {
		List<Lead> out = new ArrayList<>();
		for (Deduction d : evidence) {
			if (d.lead != null || d.row != row || d.column != column || !SHORTLIST.equals(d.rule)) continue;
			for (String w : d.labelAllows) {
				Lead l = Lead.parse(w);
				if (l != null && !out.contains(l)) out.add(l);
			}
		}
		return out;
	}

	private static List<Lead> without(List<Lead> from, List<Lead> taken) {
		List<Lead> out = new ArrayList<>(from);
		out.removeAll(taken);
		return out;
	}

	/** The rule of a segment named by the order of the names around it ({@link #inOrder}). */
	public static final String ORDER = "order of the labels read";

	/** At least this many labels of one group must follow the standard order in a reading order to show it. */
	static final int MIN_IN_ORDER = 3;

	/** Segments named by the order the page prints its leads in, and which order that is. */
	public static final class InOrder {
		/** Per segment its lead, or null. */
		public final Lead[] leads;
		/** "down the columns" or "along the rows". */
		public final String order;

		InOrder(Lead[] leads, String order) {
			this.leads = leads;
			this.order = order;
		}
	}

	/**
	 * Printers print each group of leads (I, II, III, aVR, aVL, aVF; V1-V6) in its standard order,
	 * down the columns (3x4, 6x2) or along the rows; which one a page uses its labels show. When
	 * the labels read follow the standard order in a reading order (at least {@link #MIN_IN_ORDER} of
	 * one group, none out of order) and there are as many unread segments as missing leads, each
	 * group's missing leads go to the unread segments in that group's order; the groups may take
	 * turns (ecg-image-kit's 6x2 rows V1, V4; I, aVR; ...), so every way of giving them out that keeps
	 * both groups in order and each segment's shortlist is tried, and a segment is named where all of
	 * them (in every reading order the labels show) give it the same lead: where the names read fix
	 * the order (V3 is the only place left between V2 and V4), not where two groups' leads could
	 * trade places. A page that prints its own order (ecg-image-kit's 12x1 rows V4, V1, aVR, I, ...)
	 * fits neither reading order and is left alone.
	 *
	 * @param rows per short segment its row
	 * @param columns per short segment its column
	 * @param names per short segment the lead read, or null where not read
	 * @param allowed per short segment the leads its label may read (empty: any)
	 * @param missing the leads the page prints that no segment is named
	 * @return the names of the unread segments (null where the order does not fix one), or null when
	 *         it names none
	 */
	public static InOrder inOrder(int[] rows, int[] columns, Lead[] names, List<List<Lead>> allowed,
		List<Lead> missing)
	{
		int n = names.length;
		int unread = 0;
		for (Lead l : names) if (l == null) unread++;
		if (unread == 0 || unread != missing.size()) return null;
		List<Lead> limbMissing = new ArrayList<>();
		List<Lead> chestMissing = new ArrayList<>();
		for (Lead l : missing) (l.isLimb() ? limbMissing : chestMissing).add(l);
		limbMissing.sort(null);
		chestMissing.sort(null);
		Lead[] agreed = null;
		String shownBy = null;
		for (boolean byColumns : new boolean[] { true, false }) {
			Integer[] order = new Integer[n];
			for (int i = 0; i < n; i++) order[i] = i;
			java.util.Arrays.sort(order, (a, b) -> byColumns ? (columns[a] != columns[b] ? columns[a] - columns[b]
				: rows[a] - rows[b]) : (rows[a] != rows[b] ? rows[a] - rows[b] : columns[a] - columns[b]));
			if (!showsOrder(order, names)) continue;
			Completions c = new Completions(order, names, allowed, limbMissing, chestMissing, Blocks.of(rows, columns,
				names));
			c.visit(0, 0, 0, -1, -1);
			if (c.count == 0) continue;
			if (agreed == null) {
				agreed = c.common;
				shownBy = byColumns ? "down the columns" : "along the rows";
				continue;
			}
			// both reading orders (one column, or labels that fit either): only what both give
			for (int i = 0; i < n; i++) if (agreed[i] != c.common[i]) agreed[i] = null;
		}
		if (agreed == null) return null;
		boolean any = false;
		for (int i = 0; i < n; i++) {
			if (names[i] != null) agreed[i] = null;
			any |= agreed[i] != null;
		}
		return any ? new InOrder(agreed, shownBy) : null;
	}

	/**
	 * Every way of giving the missing leads to the unread segments, in one reading order, that keeps
	 * each group in its standard order and each segment's shortlist: per segment the lead all of
	 * them give it ({@link #common}, null where they differ), and how many there are.
	 */
	private static final class Completions {
		final Integer[] order;
		final Lead[] names;
		final List<List<Lead>> allowed;
		final List<Lead> limb;
		final List<Lead> chest;
		final Lead[] current;
		final Lead[] common;
		final boolean[] differ;
		int count;

		final Blocks blocks;

		Completions(Integer[] order, Lead[] names, List<List<Lead>> allowed, List<Lead> limb, List<Lead> chest,
			Blocks blocks)
		{
			this.blocks = blocks;
			this.order = order;
			this.names = names;
			this.allowed = allowed;
			this.limb = limb;
			this.chest = chest;
			this.current = new Lead[names.length];
			this.common = new Lead[names.length];
			this.differ = new boolean[names.length];
		}

		/**
		 * @param k the place in the reading order
		 * @param nextLimb how many missing limb leads are given out
		 * @param lastLimb the ordinal of the last limb lead so far, -1 for none
		 */
		void visit(int k, int nextLimb, int nextChest, int lastLimb, int lastChest) {
			if (k == order.length) {
				if (nextLimb < limb.size() || nextChest < chest.size()) return;
				for (int i = 0; i < current.length; i++) if (names[i] != null) current[i] = names[i];
				boolean fits = blocks.keeps(current);
				for (int i = 0; i < current.length; i++) if (names[i] != null) current[i] = null;
				if (!fits) return;
				count++;
				for (int i = 0; i < current.length; i++) {
					if (names[i] != null || differ[i]) continue;
					if (count == 1) common[i] = current[i];
					else if (common[i] != current[i]) {
						common[i] = null;
						differ[i] = true;
					}
				}
				return;
			}
			int i = order[k];
			Lead read = names[i];
			if (read != null) {
				if (read.isLimb() ? read.ordinal() > lastLimb : read.ordinal() > lastChest) {
					visit(k + 1, nextLimb, nextChest, read.isLimb() ? read.ordinal() : lastLimb, read.isLimb() ? lastChest
						: read.ordinal());
				}
				return;
			}
			if (nextLimb < limb.size() && fits(i, limb.get(nextLimb), lastLimb)) {
				current[i] = limb.get(nextLimb);
				visit(k + 1, nextLimb + 1, nextChest, current[i].ordinal(), lastChest);
			}
			if (nextChest < chest.size() && fits(i, chest.get(nextChest), lastChest)) {
				current[i] = chest.get(nextChest);
				visit(k + 1, nextLimb, nextChest + 1, lastLimb, current[i].ordinal());
			}
			current[i] = null;
		}

		private boolean fits(int i, Lead lead, int last) {
			return lead.ordinal() > last && (allowed.get(i).isEmpty() || allowed.get(i).contains(lead));
		}
	}

	/**
	 * Printers print each group in a block of its own: every column of the block holds one group (3x4:
	 * I-III, aVR-aVF, V1-V3, V4-V6; 6x2: limb leads left, chest leads right) or every row does
	 * (ecg-image-kit's 6x2 rows V1, V4; I, aVR; V2, V5; ...; a 12x1 page, one lead a row). Which of the
	 * two a page may use its names read show: a column that holds both groups rules columns out, a row
	 * that holds both rules rows out. A way of naming the unread segments must keep one that the page
	 * may use (on ecg-image-kit's 6x2 rows, the segment beside II is a limb lead, the one beside V2 a
	 * chest lead).
	 */
	static final class Blocks {
		final int[] rows;
		final int[] columns;
		final boolean byColumns;
		final boolean byRows;

		private Blocks(int[] rows, int[] columns, boolean byColumns, boolean byRows) {
			this.rows = rows;
			this.columns = columns;
			this.byColumns = byColumns;
			this.byRows = byRows;
		}

		static Blocks of(int[] rows, int[] columns, Lead[] names) {
			return new Blocks(rows, columns, oneGroupEach(columns, names), oneGroupEach(rows, names));
		}

		/** Whether a complete naming keeps a block structure the names read allow (any, when they allow none). */
		boolean keeps(Lead[] named) {
			if (!byColumns && !byRows) return true;
			return byColumns && oneGroupEach(columns, named) || byRows && oneGroupEach(rows, named);
		}

		/** Whether the named segments of each line (a column, or a row) are all of one group. */
		private static boolean oneGroupEach(int[] line, Lead[] names) {
			java.util.Map<Integer, Boolean> group = new java.util.HashMap<>();
			for (int i = 0; i < names.length; i++) {
				if (names[i] == null) continue;
				Boolean before = group.putIfAbsent(line[i], names[i].isLimb());
				if (before != null && before != names[i].isLimb()) return false;
			}
			return true;
		}
	}

	/** Whether the leads read follow the standard order in this reading order, with enough of one group. */
	private static boolean showsOrder(Integer[] order, Lead[] names) {
		if (!inSequence(order, names, true) || !inSequence(order, names, false)) return false;
		int limb = 0;
		int chest = 0;
		for (Lead l : names) {
			if (l == null) continue;
			if (l.isLimb()) limb++;
			else chest++;
		}
		return Math.max(limb, chest) >= MIN_IN_ORDER;
	}

	/** Whether the named leads of a group (limb or chest) rise strictly in this reading order. */
	private static boolean inSequence(Integer[] order, Lead[] names, boolean limb) {
		int last = -1;
		for (Integer i : order) {
			Lead l = names[i];
			if (l == null || l.isLimb() != limb) continue;
			if (l.ordinal() <= last) return false;
			last = l.ordinal();
		}
		return true;
	}

	/** Why a segment was named from what its label allows: which of those leads other labels name. */
	public static String why(List<Lead> allows, Lead named, List<Lead> readElsewhere) {
		List<String> others = new ArrayList<>();
		for (Lead l : allows) if (l != named) others.add(l.label() + (readElsewhere.contains(l) ? " is printed elsewhere"
			: " goes to another unread label"));
		if (others.isEmpty()) return "its label reads " + named.label() + " or a name outside the 12 leads (V4R, V7 ...)";
		return String.format(Locale.ROOT, "its label reads %s; %s", labels(allows, " or "), String.join(", ", others));
	}

	public static List<String> labels(List<Lead> leads) {
		List<String> out = new ArrayList<>();
		for (Lead l : leads) out.add(l.label());
		return out;
	}

	private static String labels(List<Lead> leads, String sep) {
		return String.join(sep, labels(leads));
	}
}
