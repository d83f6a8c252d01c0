package org.ecgdigitizer.core.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ecgdigitizer.core.Median;
import org.ecgdigitizer.core.signal.Lead;

/**
 * Names the lead regions of a page from their printed labels.
 *
 * <p>A region may have several label candidates (a separator tick reads like "I"), so an order
 * of the detected arrangement (standard or Cabrera) is scored by the regions where some
 * candidate reads that order's lead, against the regions where candidates were read but none
 * agrees. The labels are trusted only when several agree and few contradict. The agreeing labels
 * also show where this printer puts its labels relative to a segment; among a rhythm strip's
 * candidates the one at that place is its label, and names the strip (the signals then check it:
 * a strip repeats its lead's segment). Otherwise the template's order stands, and the result says
 * so.</p>
 */
public final class LeadNaming {

	/** At least this many regions must agree with an order to adopt it. */
	static final int MIN_AGREE = 3;
	/** At most one contradiction per this many agreements. */
	static final int AGREE_PER_CONTRADICTION = 4;
	/** Labels that contradict a template's order this often overrule it (misreadings are rare). */
	static final int MIN_CONTRADICTIONS = 2;
	/** Printed names are believed when at least this fraction of the short segments' names read are different leads. */
	static final double DISTINCT = 0.75;
	/** A label further than this (mm) from where the printer puts its labels is not one of them. */
	static final double PLACE_MM = 1.5;
	/** Along the row, a name may start this far (mm) from where the others start: its width varies. */
	static final double PLACE_X_MM = 5;

	private LeadNaming() {}

	/** Named regions, the layout that names them, where the names came from, and notes for the user. */
	public static final class Result {
		public final PageLayout layout;
		public final List<LeadRegion> regions;
		/** "labels" or "template". */
		public final String source;
		public final List<String> notes;
		/** The reading each region's label box and text came from (null: no candidate). */
		public final List<LabelReader.Reading> chosen;
		/** The segments named by what the other labels leave, and why. */
		public final List<NameDeduction.Deduction> deductions;

		Result(PageLayout layout, List<LeadRegion> regions, String source, List<String> notes,
			List<LabelReader.Reading> chosen)
		{
			this(layout, regions, source, notes, chosen, List.of());
		}

		Result(PageLayout layout, List<LeadRegion> regions, String source, List<String> notes,
			List<LabelReader.Reading> chosen, List<NameDeduction.Deduction> deductions)
		{
			this.layout = layout;
			this.regions = regions;
			this.source = source;
			this.notes = notes;
			this.chosen = chosen;
			this.deductions = List.copyOf(deductions);
		}
	}

	/**
	 * @param regions one per cell of {@code layout}, in its order (a cell whose name is unknown has a
	 *        placeholder lead)
	 * @param readings per region, one reading per label candidate ({@link LabelReader#readAll})
	 * @param fixedOrder true when the user chose the layout: labels then only check its order, unless
	 *        they clearly name the segments otherwise
	 */
	public static Result name(PageLayout layout, List<LeadRegion> regions, List<List<LabelReader.Reading>> readings,
		boolean fixedOrder, double mmX, double mmY)
	{
		return name(layout, regions, readings, LabelLines.baselines(regions), fixedOrder, mmX, mmY);
	}

	/**
	 * As {@link #name(PageLayout, List, List, boolean, double, double)}, with the line each region's
	 * name is printed against ({@link LabelLines}).
	 */
	static Result name(PageLayout layout, List<LeadRegion> regions, List<List<LabelReader.Reading>> readings,
		double[] lines, boolean fixedOrder, double mmX, double mmY)
	{
		List<String> notes = new ArrayList<>();
		List<PageLayout> orders = new ArrayList<>();
		PageLayout best = layout;
		int bestAgree = 0;
		int bestContra = 0;
		List<int[]> everyOrder = new ArrayList<>();
		if (!layout.isFree()) {
			orders.add(layout);
			if (!fixedOrder) {
				orders.add(layout.withOrder(!layout.isCabrera()));
				orders.addAll(printersOwnOrders(layout));
			}
			best = null;
			for (PageLayout order : orders) {
				int[] counts = agreement(order, regions, readings, lines, mmX, mmY);
				everyOrder.add(counts);
				if (best == null || counts[0] - counts[1] > bestAgree - bestContra) {
					best = order;
					bestAgree = counts[0];
					bestContra = counts[1];
				}
			}
		}
		boolean confirmed = !layout.isFree() && (bestAgree >= MIN_AGREE && bestContra * AGREE_PER_CONTRADICTION <=
			bestAgree || agreedAgainstTheOther(bestAgree, bestContra, everyOrder));
		PageLayout order = confirmed ? best : layout;

		Places place = places(order, regions, readings, lines);

		// each region keeps the reading that agrees with the confirmed order, else the one at the labels' place
		List<LabelReader.Reading> chosen = new ArrayList<>();
		List<LeadRegion> labelled = new ArrayList<>();
		int read = 0;
		for (int i = 0; i < regions.size(); i++) {
			LeadRegion r = regions.get(i);
			// an order the labels did not confirm does not pick readings (a neighbour's name may fit it by chance)
			LabelReader.Reading rd = confirmed ? agreeing(order, r, readings.get(i)) : null;
			if (rd == null) rd = likeliest(i, readings.get(i), place, mmX, mmY);
			chosen.add(rd);
			if (rd == null) {
				labelled.add(r);
				continue;
			}
			if (rd.accepted()) read++;
			// the candidate's own ink, not the matched word's box, which may reach over the trace;
			// none where a stroke runs into the name (erasing it would cut the trace): the word's box
			// then says where its letters are, for the tracer to take out
			labelled.add(r.withLabel(rd.touchesStroke ? null : rd.candidate, rd.text).withNameOverTrace(rd.touchesStroke ?
				rd.box : null));
		}
		if (!confirmed) {
			List<List<Lead>> allowed = new ArrayList<>();
			for (int i = 0; i < regions.size(); i++) allowed.add(possibleLeads(i, readings.get(i), place, mmX, mmY));
			// the standard and Cabrera orders (a printer's own order may always be another one)
			Result printed = asPrinted(layout, labelled, chosen, allowed, read, bestAgree, bestContra, fixedOrder,
				!fixedOrder && contradictsEvery(everyOrder.subList(0, Math.min(2, everyOrder.size()))));
			if (printed != null) return printed;
			if (layout.isFree()) {
				return new Result(layout, named(layout, labelled), "template", List.of(String.format(Locale.ROOT,
					"the printed lead names could not be read (%d of %d segments); choose the layout with its names, for " +
						"example rows:I;II;III", read, regions.size())), chosen);
			}
			if (read == 0) {
				notes.add("lead names from the " + layout.spec() + " template; printed labels not readable");
			}
			else {
				notes.add(String.format(Locale.ROOT, "lead names from the %s template; printed labels do not confirm a lead " +
					"order (%d read, %d agreeing with the %s order, %d not)", layout.spec(), read, bestAgree, describe(best),
					bestContra));
			}
			return new Result(layout, labelled, "template", notes, chosen);
		}
		if (best.isFree() || best.isCabrera() != layout.isCabrera()) {
			notes.add(String.format(Locale.ROOT, "the printed lead labels show the %s order (%d of %d agree)", orderName(
				best), bestAgree, bestAgree + bestContra));
		}
		// short segments by the confirmed order; rhythm strips keep the template's leads
		List<Lead> rhythm = new ArrayList<>(best.isFree() ? layout.rhythmLeads() : best.rhythmLeads());
		List<LeadRegion> named = new ArrayList<>();
		List<NameDeduction.Deduction> strips = new ArrayList<>();
		int strip = 0;
		for (int i = 0; i < labelled.size(); i++) {
			LeadRegion r = labelled.get(i);
			if (r.rhythm) {
				if (r.labelText == null) {
					NameDeduction.Deduction open = stripShortlist(r, possibleLeads(i, readings.get(i), place, mmX, mmY));
					if (open != null) strips.add(open);
				}
				Lead lead = r.labelText == null ? null : LabelReader.leadOf(r.labelText);
				// the strip's own label, read where this page's labels sit, names it as it names the
				// short segments; the signals then check it (a strip repeats its lead's segment)
				if (lead != null && strip < rhythm.size() && lead != rhythm.get(strip)) {
					notes.add(String.format(Locale.ROOT, "rhythm strip %d is labelled %s (the template has %s); the " +
						"signals check it", strip + 1, lead.label(), rhythm.get(strip).label()));
					rhythm.set(strip, lead);
				}
				if (strip < rhythm.size()) r = r.withLead(rhythm.get(strip), false);
				strip++;
				named.add(r);
				continue;
			}
			PageLayout.Cell cell = cellAt(best, r);
			if (cell != null) {
				if (r.labelText != null && LabelReader.leadOf(r.labelText) != cell.lead) {
					notes.add(String.format(Locale.ROOT, "the label at row %d, column %d reads %s, but the %s order puts " +
						"%s there; kept %s", r.row + 1, r.column + 1, r.labelText, orderName(best), cell.label(), cell.label()));
				}
				r = r.withLead(cell.lead, cell.inverted);
			}
			named.add(r);
		}
		if (!best.isFree()) return new Result(best.withRhythm(rhythm), named, "labels", notes, chosen, strips);
		// a printer's own order: the page's arrangement with the names it prints, strips included
		List<PageLayout.Cell> cells = new ArrayList<>();
		strip = 0;
		for (PageLayout.Cell c : layout.cells()) {
			PageLayout.Cell own = c.rhythm ? null : cellAt(best, c.row, c.column);
			String name = own != null ? own.name : c.rhythm && strip < rhythm.size() ? rhythm.get(strip).label() : c.name;
			if (c.rhythm) strip++;
			cells.add(c.named(name));
		}
		return new Result(PageLayout.freeFrom(cells, layout.rowCount(), layout.timing()), named, "labels", notes, chosen,
			strips);
	}

	/**
	 * The evidence of a rhythm strip whose label was not read but narrowed down to a few leads (a
	 * bare I beside the strip's own QRS reads I or II): it keeps its name for now, and its signal
	 * decides among those leads ({@code StripShortlist}); null when the label tells nothing.
	 */
	static NameDeduction.Deduction stripShortlist(LeadRegion strip, List<Lead> allowed) {
		if (allowed.size() < 2) return null;
		List<String> words = NameDeduction.labels(allowed);
		return new NameDeduction.Deduction(strip.row, strip.column, null, words, NameDeduction.SHORTLIST,
			"the rhythm strip's label reads " + String.join(" or ", words) + "; its signal decides among them");
	}

	/**
	 * The orders of their own that printers are known to print an arrangement in, besides the
	 * standard and the Cabrera order, each as the free layout of its short segments. ecg-image-kit
	 * (the generator of the PhysioNet Challenge 2024 images) prints its 12x1 rows, top to bottom, as
	 * V4, V1, aVR, I, V5, V2, aVL, II, V6, V3, aVF, III and its 6x2 rows as (V1, V4), (I, aVR), (V2, V5),
	 * (II, aVL), (V3, V6), (III, aVF), whatever the record (its README); its 3x4 pages are standard. An
	 * order is a hypothesis like the other two: the labels read must confirm it.
	 */
	static List<PageLayout> printersOwnOrders(PageLayout layout) {
		if (layout.isFree()) return List.of();
		String rows;
		switch (layout.kind()) {
			case L12X1:
				rows = "V4;V1;aVR;I;V5;V2;aVL;II;V6;V3;aVF;III";
				break;
			case L6X2:
				rows = "V1,V4;I,aVR;V2,V5;II,aVL;V3,V6;III,aVF";
				break;
			default:
				return List.of();
		}
		return List.of(PageLayout.parse(PageLayout.Kind.FREE.id + ":" + rows).withTiming(layout.timing()));
	}

	/**
	 * Names the segments as their labels are printed, when the labels do not follow a template's
	 * order but many are read (ecg-image-kit prints 12x1 rows as V4, V1, aVR, I, ...; a limb-lead page
	 * has no template): a free layout with the names read. A segment not read is named by elimination
	 * when exactly one lead is missing (of the 12 on a template's arrangement; of the limb or chest
	 * leads the page prints, on its own); a rhythm strip not read keeps the template's lead
	 * for the signals to check; others stay unnamed and are not digitized. Null when too few labels
	 * were read, or (a template) they do not contradict it.
	 */
	static Result asPrinted(PageLayout layout, List<LeadRegion> labelled, List<LabelReader.Reading> chosen, int read,
		int agree, int contra, boolean fixedOrder)
	{
		List<List<Lead>> none = new ArrayList<>();
		for (int i = 0; i < labelled.size(); i++) none.add(List.of());
		return asPrinted(layout, labelled, chosen, none, read, agree, contra, fixedOrder, false);
	}

	/**
	 * As {@link #asPrinted(PageLayout, List, List, int, int, int, boolean)}, with per region the leads
	 * its label may read though it was not read ({@link #possibleLeads}): those that no other label
	 * names name it ({@link NameDeduction}). {@code unlikeEvery}: the labels read contradict every
	 * known order of the template's arrangement ({@link #contradictsEvery}), so they name the page
	 * however few they are.
	 */
	static Result asPrinted(PageLayout layout, List<LeadRegion> labelled, List<LabelReader.Reading> chosen,
		List<List<Lead>> allowed, int read, int agree, int contra, boolean fixedOrder, boolean unlikeEvery)
	{
		int cells = layout.cells().size();
		if (layout.isFree()) {
			// a page's own arrangement stands only when most of its segments are named: half of them
			// unnamed would be left out, where a template would digitize them all; on fewer rows than
			// any template has (a two-lead strip) there is none, and what was read is what can be named
			if (read == 0 || 2 * read <= cells && !belowEveryTemplate(layout)) return null;
		}
		else if (fixedOrder) {
			// the user's order yields only to labels that clearly name the segments otherwise
			if (read < MIN_AGREE || 2 * read < cells || contra < 2 * Math.max(1, agree)) return null;
		}
		else if (!unlikeEvery && (read < MIN_AGREE || !contradicted(agree, contra))) {
			// a template the labels contradict names the unread segments wrongly too: they are left to
			// their signals however few labels were read
			return null;
		}
		// a printer names each lead once (strips aside): labels that read the same lead again and
		// again are misreadings (a tick read as I)
		List<Lead> seenLeads = new ArrayList<>();
		int shortRead = 0;
		for (int i = 0; i < cells; i++) {
			String text = labelled.get(i).labelText;
			if (text == null || layout.cells().get(i).rhythm) continue;
			shortRead++;
			Lead lead = LabelReader.leadOf(text);
			if (lead != null && !seenLeads.contains(lead)) seenLeads.add(lead);
		}
		if (seenLeads.size() < DISTINCT * shortRead) return null;
		List<PageLayout.Cell> renamed = new ArrayList<>();
		String[] names = new String[cells];
		boolean[] have = new boolean[Lead.values().length];
		for (int i = 0; i < cells; i++) {
			String text = labelled.get(i).labelText;
			names[i] = text == null ? "?" : PageLayout.canonicalName(text);
			Lead lead = Lead.parse(names[i].startsWith("-") ? names[i].substring(1) : names[i]);
			if (lead != null) have[lead.ordinal()] = true;
		}
		// the leads a page of this kind prints: all 12 on a template; on a page of its own, the
		// groups (limb, chest) that it prints at all, as printers print them together
		int unreadCount = 0;
		for (int i = 0; i < cells; i++) {
			PageLayout.Cell cell = layout.cells().get(i);
			if (names[i].equals("?") && !cell.rhythm && !(fixedOrder && layout.isFree() && cell.lead != null)) unreadCount++;
		}
		List<Lead> missing = NameDeduction.missing(have, !layout.isFree(), !layout.isFree(), unreadCount);
		List<String> notes = new ArrayList<>();
		List<NameDeduction.Deduction> deductions = new ArrayList<>();
		List<Lead> readLeads = new ArrayList<>();
		for (Lead lead : Lead.values()) if (have[lead.ordinal()]) readLeads.add(lead);
		// labels narrowed down to a few words name the one that no other label names
		List<Integer> unreadCells = new ArrayList<>();
		List<List<Lead>> unreadAllowed = new ArrayList<>();
		for (int i = 0; i < cells; i++) {
			if (!names[i].equals("?") || layout.cells().get(i).rhythm) continue;
			if (fixedOrder && layout.isFree() && layout.cells().get(i).lead != null) continue;
			unreadCells.add(i);
			unreadAllowed.add(allowed.get(i));
		}
		Lead[] deduced = NameDeduction.deduce(unreadAllowed, missing);
		for (int u = 0; u < deduced.length; u++) {
			if (deduced[u] == null) continue;
			int i = unreadCells.get(u);
			PageLayout.Cell cell = layout.cells().get(i);
			names[i] = deduced[u].label();
			NameDeduction.Deduction d = new NameDeduction.Deduction(cell.row, cell.column, names[i], NameDeduction.labels(
				unreadAllowed.get(u)), "label and unused leads", NameDeduction.why(unreadAllowed.get(u), deduced[u],
					readLeads));
			deductions.add(d);
			notes.add("the label at " + d);
		}
		inOrder(layout, names, allowed, missing, read, deductions, notes);
		int unreadShort = 0;
		for (int i = 0; i < cells; i++) if (names[i].equals("?") && !layout.cells().get(i).rhythm) unreadShort++;
		for (int i = 0; i < cells; i++) {
			PageLayout.Cell cell = layout.cells().get(i);
			if (!names[i].equals("?")) continue;
			if (fixedOrder && layout.isFree() && cell.lead != null) {
				// the user named this segment and its label was not read: the user's name stands
				names[i] = cell.name;
				notes.add(String.format(Locale.ROOT, "the label at row %d, column %d was not read; named %s as the " +
					"layout given says", cell.row + 1, cell.column + 1, names[i]));
			}
			else if (!cell.rhythm && unreadShort == 1 && missing.size() == 1) {
				names[i] = missing.get(0).label();
				deductions.add(new NameDeduction.Deduction(cell.row, cell.column, names[i], NameDeduction.labels(allowed.get(
					i)), "the one lead left", "no other label names " + names[i]));
				notes.add(String.format(Locale.ROOT, "the label at row %d, column %d was not read; named %s, the one lead " +
					"no other label names", cell.row + 1, cell.column + 1, names[i]));
			}
			else if (cell.rhythm && cell.lead != null) {
				names[i] = cell.name;
			}
		}
		// labels narrowed down but not decided: the signals may decide among their leads
		for (int i = 0; i < cells; i++) {
			PageLayout.Cell cell = layout.cells().get(i);
			if (!names[i].equals("?") || cell.rhythm || allowed.get(i).isEmpty()) continue;
			List<String> words = NameDeduction.labels(allowed.get(i));
			deductions.add(new NameDeduction.Deduction(cell.row, cell.column, null, words, NameDeduction.SHORTLIST,
				"its label reads " + String.join(" or ", words) + "; the labels do not tell which"));
		}
		for (int i = 0; i < cells; i++) {
			if (!layout.cells().get(i).rhythm || labelled.get(i).labelText != null) continue;
			NameDeduction.Deduction open = stripShortlist(labelled.get(i), allowed.get(i));
			if (open != null) deductions.add(open);
		}
		for (int i = 0; i < cells; i++) {
			PageLayout.Cell c = layout.cells().get(i);
			renamed.add(new PageLayout.Cell(names[i], c.row, c.column, c.columnSpan, c.rhythm, c.windowStart, c.windowEnd));
		}
		PageLayout printed = PageLayout.freeFrom(renamed, layout.rowCount(), layout.timing());
		int unnamed = 0;
		for (String name : names) if (Lead.parse(name.startsWith("-") ? name.substring(1) : name) == null) unnamed++;
		notes.add(0, String.format(Locale.ROOT, "lead names as printed: %d of %d segments read%s%s", read, cells,
			layout.isFree() ? "" : String.format(Locale.ROOT, ", %d agreeing with the %s %s order, %d not", agree,
				fixedOrder ? "chosen" : "standard or Cabrera", layout.kind().id, contra), unnamed == 0 ? "" : String.format(
					Locale.ROOT, "; %d segment(s) without one of the 12 standard names, left for their signals to name", unnamed)));
		return new Result(printed, named(printed, labelled), "labels", notes, chosen, deductions);
	}

	/**
	 * Names the unread short segments by the order the labels read show ({@link NameDeduction#inOrder})
	 * when at least half of them were read; takes the leads it names out of {@code missing}.
	 */
	private static void inOrder(PageLayout layout, String[] names, List<List<Lead>> allowed, List<Lead> missing,
		int read, List<NameDeduction.Deduction> deductions, List<String> notes)
	{
		List<Integer> shortCells = new ArrayList<>();
		for (int i = 0; i < names.length; i++) if (!layout.cells().get(i).rhythm) shortCells.add(i);
		int n = shortCells.size();
		int[] rows = new int[n];
		int[] columns = new int[n];
		Lead[] leads = new Lead[n];
		List<List<Lead>> shortAllowed = new ArrayList<>();
		int named = 0;
		for (int k = 0; k < n; k++) {
			int i = shortCells.get(k);
			PageLayout.Cell cell = layout.cells().get(i);
			rows[k] = cell.row;
			columns[k] = cell.column;
			String name = names[i].startsWith("-") ? names[i].substring(1) : names[i];
			leads[k] = Lead.parse(name);
			// a name outside the 12 leads (V4R) leaves the page's order unknown
			if (leads[k] == null && !names[i].equals("?")) return;
			if (leads[k] != null) named++;
			shortAllowed.add(allowed.get(i));
		}
		if (2 * named < n) return;
		NameDeduction.InOrder found = NameDeduction.inOrder(rows, columns, leads, shortAllowed, missing);
		if (found == null) return;
		for (int k = 0; k < n; k++) {
			if (found.leads[k] == null) continue;
			int i = shortCells.get(k);
			names[i] = found.leads[k].label();
			missing.remove(found.leads[k]);
			NameDeduction.Deduction d = new NameDeduction.Deduction(rows[k], columns[k], names[i], NameDeduction.labels(
				shortAllowed.get(k)), NameDeduction.ORDER, "the labels read follow each group's standard order " + found
					.order + "; every way of giving the unread segments the missing leads in that order gives this one " +
					names[i]);
			deductions.add(d);
			notes.add("the label at " + d);
		}
	}

	/**
	 * The leads region i's label may read though it was not read: of its readings refused only
	 * because words of a few leads match about as well, those at the place where this page's labels
	 * sit (while that place is unknown, none: a neighbour's name lies near a segment too).
	 */
	static List<Lead> possibleLeads(int i, List<LabelReader.Reading> readings, Places place, double mmX, double mmY) {
		List<Lead> out = new ArrayList<>();
		if (place.overall == null) return out;
		for (LabelReader.Reading rd : readings) {
			if (rd.accepted()) continue;
			if (place.distanceMm(i, rd, mmX, mmY) > PLACE_MM) continue;
			for (Lead l : rd.possibleLeads()) if (!out.contains(l)) out.add(l);
		}
		return out;
	}

	/** Whether a layout has fewer rows than every template (3x4's three): no template has room for its page. */
	static boolean belowEveryTemplate(PageLayout layout) {
		int fewest = Integer.MAX_VALUE;
		for (PageLayout.Kind kind : PageLayout.Kind.values()) if (kind != PageLayout.Kind.FREE) fewest = Math.min(fewest, kind.rows);
		return layout.rowCount() < fewest;
	}

	/**
	 * Whether the labels read say the template's order is not the page's: misreadings are rare (about
	 * 1 in 200 labels), so two labels that contradict the best order, against at most twice as many
	 * that agree, are a printer's own order (ecg-image-kit's 6x2 rows V1,V4; I,aVR; ... share I, II and
	 * III with the Cabrera order by chance), not two misreadings.
	 */
	static boolean contradicted(int agree, int contra) {
		return contra >= MIN_CONTRADICTIONS && 2 * contra >= agree;
	}

	/**
	 * Whether a few labels fix the best order: every one read agrees with it, and at least
	 * {@link #MIN_CONTRADICTIONS} of them contradict each other known order (a Cabrera 12x1 page read
	 * only as aVL on row 1 and I on row 2). Two misreadings that both fall on the Cabrera order's
	 * leads, where the standard order has others, are far less likely than a Cabrera page; labels
	 * that both orders share (V1-V6) tell nothing and do not count against the other.
	 *
	 * @param counts per known order {agreeing, contradicting}; one order alone (the user's) is not fixed
	 *        this way
	 */
	static boolean agreedAgainstTheOther(int agree, int contra, List<int[]> counts) {
		if (counts.size() < 2 || contra > 0 || agree < MIN_CONTRADICTIONS) return false;
		// every other known order is contradicted (chest labels where the standard and Cabrera orders
		// agree contradict only a printer's own order: they do not tell those two apart)
		int against = 0;
		for (int[] c : counts) if (c[1] >= MIN_CONTRADICTIONS) against++;
		return against == counts.size() - 1;
	}

	/**
	 * Whether the labels read contradict every known order of the arrangement (standard and Cabrera)
	 * and agree with none: each order is contradicted, and no label is read as an order prints it,
	 * with at least {@link #MIN_CONTRADICTIONS} labels read. A printer prints a 12x1 page in the
	 * standard order, the Cabrera order or an order of its own; labels that fit neither known order are
	 * the page's own (12x1/muse-af read as aVR on row 3 and aVF on row 11: the standard order puts III and
	 * V5 there, the Cabrera order -aVR and V5; a Cabrera printer prints the minus, and an aVR read
	 * without it there is no sign of that order), and a template would name every other row wrongly.
	 * One label never overrules an order, nor do labels of which one agrees with it (the real pages
	 * eik_ecg00038 and 00039: V4 and II read where the standard 3x4 order has them, and one misreading).
	 *
	 * @param counts per known order {agreeing, contradicting, agreeing as printed} ({@link #agreement})
	 */
	static boolean contradictsEvery(List<int[]> counts) {
		if (counts.isEmpty()) return false;
		for (int[] c : counts) {
			if (c[1] == 0 || c[2] > 0 || c[0] + c[1] < MIN_CONTRADICTIONS) return false;
		}
		return true;
	}

	/** The regions of a layout's cells named by those cells; cells without a standard lead are left out. */
	static List<LeadRegion> named(PageLayout layout, List<LeadRegion> regions) {
		List<LeadRegion> out = new ArrayList<>();
		for (int i = 0; i < regions.size(); i++) {
			PageLayout.Cell c = layout.cells().get(i);
			if (c.lead == null) continue;
			out.add(regions.get(i).withLead(c.lead, c.inverted));
		}
		return out;
	}

	/**
	 * Regions where some candidate reads the order's lead, and regions with accepted readings at
	 * the place where the agreeing labels sit (anywhere, while that is unknown) none of which does;
	 * third, the agreeing regions whose name is read as the order prints it (-aVR, not aVR).
	 */
	static int[] agreement(PageLayout order, List<LeadRegion> regions, List<List<LabelReader.Reading>> readings,
		double[] lines, double mmX, double mmY)
	{
		Places places = places(order, regions, readings, lines);
		int agree = 0;
		int contra = 0;
		int exact = 0;
		for (int i = 0; i < regions.size(); i++) {
			LeadRegion r = regions.get(i);
			if (r.rhythm || cellAt(order, r) == null) continue;
			LabelReader.Reading agreeing = agreeing(order, r, readings.get(i));
			if (agreeing != null) {
				agree++;
				if (agreeing.inverted() == cellAt(order, r).inverted) exact++;
				continue;
			}
			for (LabelReader.Reading rd : readings.get(i)) {
				if (rd.accepted() && places.distanceMm(i, rd, mmX, mmY) <= PLACE_MM) {
					contra++;
					break;
				}
			}
		}
		return new int[] { agree, contra, exact };
	}

	/**
	 * Where a printer puts its labels relative to a segment's start and baseline, per column
	 * (the first column's labels often follow the calibration pulse), from labels that agree with
	 * an order.
	 */
	static final class Places {
		final List<double[]> byColumn = new ArrayList<>();
		double[] overall;
		final List<LeadRegion> regions;
		final double[] lines;

		Places(List<LeadRegion> regions, double[] lines) {
			this.regions = regions;
			this.lines = lines;
		}

		/** How far (mm) a reading's candidate is from where labels sit beside region i; 0 while that is unknown. */
		double distanceMm(int i, LabelReader.Reading rd, double mmX, double mmY) {
			LeadRegion r = regions.get(i);
			double[] p = r.column < byColumn.size() && byColumn.get(r.column) != null ? byColumn.get(r.column) : overall;
			if (p == null) return 0;
			double dx = (rd.candidate.x - r.box.x - p[0]) / mmX;
			double dy = (rd.candidate.maxY() - lines[i] - p[1]) / mmY;
			// names of different widths start at different x when a printer centres or right-aligns them;
			// the height of their foot is what ties a name to its row
			return Math.max(Math.abs(dy), Math.abs(dx) * PLACE_MM / PLACE_X_MM);
		}
	}

	static Places places(PageLayout order, List<LeadRegion> regions, List<List<LabelReader.Reading>> readings,
		double[] lines)
	{
		List<List<double[]>> columns = new ArrayList<>();
		List<double[]> all = new ArrayList<>();
		for (int i = 0; i < regions.size(); i++) {
			LeadRegion r = regions.get(i);
			LabelReader.Reading rd = agreeing(order, r, readings.get(i));
			if (rd == null) continue;
			double[] offset = { rd.candidate.x - r.box.x, rd.candidate.maxY() - lines[i] };
			while (columns.size() <= r.column) columns.add(new ArrayList<>());
			columns.get(r.column).add(offset);
			all.add(offset);
		}
		Places p = new Places(regions, lines);
		// a few chance agreements (a neighbour's name that happens to be the order's) place nothing
		int read = 0;
		for (int i = 0; i < regions.size(); i++) {
			if (regions.get(i).rhythm) continue;
			for (LabelReader.Reading rd : readings.get(i)) {
				if (rd.accepted()) {
					read++;
					break;
				}
			}
		}
		if (all.size() >= MIN_AGREE && 2 * all.size() >= read) {
			p.overall = medianOffset(all);
			for (List<double[]> c : columns) p.byColumn.add(c.size() >= 2 ? medianOffset(c) : null);
		}
		else {
			p.overall = firstReadingsPlace(regions, readings, lines);
		}
		return p;
	}

	/**
	 * Where labels sit when no order says so (names printed in an order of the printer's own, a
	 * page of its own arrangement): where the likeliest readable candidate of most segments sits, as
	 * a printer puts every name at the same place beside its segment. On closely spaced rows a
	 * neighbour's name also lies near a segment and may read better; the place tells them apart.
	 */
	private static double[] firstReadingsPlace(List<LeadRegion> regions, List<List<LabelReader.Reading>> readings,
		double[] lines)
	{
		List<double[]> first = new ArrayList<>();
		for (int i = 0; i < regions.size(); i++) {
			LeadRegion r = regions.get(i);
			if (r.rhythm) continue;
			for (LabelReader.Reading rd : readings.get(i)) {
				if (!rd.accepted()) continue;
				first.add(new double[] { rd.candidate.x - r.box.x, rd.candidate.maxY() - lines[i] });
				break;
			}
		}
		return first.size() >= MIN_AGREE ? medianOffset(first) : null;
	}

	private static double[] medianOffset(List<double[]> offsets) {
		double[] xs = new double[offsets.size()];
		double[] ys = new double[offsets.size()];
		for (int i = 0; i < xs.length; i++) {
			xs[i] = offsets.get(i)[0];
			ys[i] = offsets.get(i)[1];
		}
		return new double[] { Median.of(xs), Median.of(ys) };
	}

	/** The best accepted reading that names the lead the order puts at a short segment, or null. */
	private static LabelReader.Reading agreeing(PageLayout order, LeadRegion r, List<LabelReader.Reading> readings) {
		if (r.rhythm) return null;
		PageLayout.Cell cell = cellAt(order, r);
		if (cell == null) return null;
		LabelReader.Reading best = null;
		for (LabelReader.Reading rd : readings) {
			if (rd.accepted() && rd.lead() == cell.lead && (best == null || rd.score > best.score)) best = rd;
		}
		return best;
	}

	/**
	 * The accepted reading nearest the place where this page's labels sit (within
	 * {@link #PLACE_MM}), the best one while that place is unknown; else the first candidate's
	 * reading, unaccepted.
	 */
	private static LabelReader.Reading likeliest(int i, List<LabelReader.Reading> readings, Places place,
		double mmX, double mmY)
	{
		LabelReader.Reading best = null;
		double bestCost = Double.POSITIVE_INFINITY;
		for (LabelReader.Reading rd : readings) {
			if (!rd.accepted()) continue;
			double distance = place.distanceMm(i, rd, mmX, mmY);
			if (distance > PLACE_MM) continue;
			double cost = distance - rd.score;
			if (cost < bestCost) {
				bestCost = cost;
				best = rd;
			}
		}
		if (best != null) return best;
		if (readings.isEmpty()) return null;
		LabelReader.Reading first = readings.get(0);
		// an accepted reading away from the labels' place is not a label: keep its box, drop its text
		return first.accepted() ? first.unaccepted("not where this page's labels are") : first;
	}

	private static PageLayout.Cell cellAt(PageLayout layout, LeadRegion r) {
		return cellAt(layout, r.row, r.column);
	}

	private static PageLayout.Cell cellAt(PageLayout layout, int row, int column) {
		for (PageLayout.Cell c : layout.cells()) {
			if (!c.rhythm && c.row == row && c.column == column) return c;
		}
		return null;
	}

	private static String describe(PageLayout layout) {
		return layout.isFree() ? orderName(layout) : orderName(layout) + " " + layout.kind().id;
	}

	/** "standard", "Cabrera", or a printer's own order with its rows. */
	private static String orderName(PageLayout order) {
		if (order.isFree()) return "printer's own " + order.spec();
		return order.isCabrera() ? "Cabrera" : "standard";
	}
}
