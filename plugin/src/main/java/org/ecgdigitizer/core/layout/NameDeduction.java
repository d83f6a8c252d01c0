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

		public Deduction(int row, int column, String lead, List<String> labelAllows, String rule, String why) {
			this.row = row;
			this.column = column;
			this.lead = lead;
			this.labelAllows = List.copyOf(labelAllows);
			this.rule = rule;
			this.why = why;
		}

		public Map<String, Object> toJson() {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("row", row);
			m.put("column", column);
			m.put("lead", lead);
			m.put("label_allows", labelAllows);
			m.put("rule", rule);
			m.put("why", why);
			return m;
		}

		static Deduction fromJson(Object json) {
			Map<String, Object> m = Json.object(json);
			List<String> allows = new ArrayList<>();
			Object a = m.get("label_allows");
			if (a != null) for (Object o : Json.array(a)) allows.add((String) o);
			return new Deduction((int) Json.number(m.get("row"), 0), (int) Json.number(m.get("column"), 0), (String) m.get(
				"lead"), allows, (String) m.get("rule"), (String) m.get("why"));
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
