package org.ecgdigitizer.core.layout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ecgdigitizer.core.preprocess.PreparedPage;

/**
 * Decides whether a rectified page is upside down, from what printers put on every page, read on
 * the page as it is and turned half-way round: calibration pulses stand on the baseline at the
 * start of a row, rising to a flat top (turned, they hang down at the row's end); lead names read
 * left to right (turned, "aVR" or "V5" reads as nothing; "I", "II" and "III" read the same either
 * way, so they do not count: {@link LabelOrientation}); T waves follow their QRS complexes. Each
 * cue is a {@link Vote}; any other cue is one more. The lead names are read last and only as far
 * as they can still change the decision: reading words is the costliest of the cues, and most
 * pages are settled by their pulses and beats.
 */
public final class PageOrientation {

	/** Rows starting with a pulse one way, and at least this many the other way, decide alone. */
	static final int MIN_PULSED_ROWS = 2;

	private PageOrientation() {}

	/** One cue's count of what it saw on the page upright and turned, and how much one sighting weighs. */
	public static final class Vote {
		public final String cue;
		public final double upright;
		public final double turned;
		/** What one sighting is worth against another cue's. */
		public final double weight;
		/** Sightings not looked for: however they had come out, the decision would be the same. */
		public final int unread;

		public Vote(String cue, double upright, double turned, double weight) {
			this(cue, upright, turned, weight, 0);
		}

		public Vote(String cue, double upright, double turned, double weight, int unread) {
			this.cue = cue;
			this.upright = upright;
			this.turned = turned;
			this.weight = weight;
			this.unread = unread;
		}

		/** Positive when the cue says the page is upside down. */
		double balance() {
			return weight * (turned - upright);
		}

		Map<String, Object> toJson() {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("cue", cue);
			m.put("upright", upright);
			m.put("turned", turned);
			m.put("weight", weight);
			m.put("unread", unread);
			return m;
		}
	}

	/** A cue read on a page as it is and turned half-way round. */
	public interface Cue {
		/**
		 * @param settled whether the decision is the same wherever between two bounds this cue's
		 *     weighted balance ends: a cue that counts its sightings one by one may stop then
		 */
		Vote vote(Look upright, Look turned, Settled settled);
	}

	/** Whether the decision no longer depends on where, between low and high, a cue's balance ends. */
	public interface Settled {
		boolean test(double low, double high);
	}

	/** For every cue but the last: the cues after it are still to come. */
	static final Settled NOT_YET = (low, high) -> false;

	/** A page one way up, with its rows of traces found and its label readings, for the cues to read. */
	public static final class Look {
		public final PreparedPage page;
		final PageInk ink;
		final List<TraceRow> rows;
		/** The page's own readings: lead detection reads the chosen page's labels through them again. */
		final LabelReadings labels;

		Look(PreparedPage page) {
			this(page, InkRows.of(page));
		}

		/** @param found the page's ink and rows, as lead detection reads them and then starts from */
		private Look(PreparedPage page, InkRows found) {
			this.page = page;
			this.labels = LabelReadings.of(page);
			this.ink = found.ink;
			this.rows = found.rows();
		}

		/** The page as it is and turned half-way round: {upright, turned}, the ink thresholded once for both. */
		static Look[] bothWays(PreparedPage page) {
			PreparedPage turned = page.turnedHalf();
			InkRows[] found = InkRows.bothWays(page, turned);
			return new Look[] { new Look(page, found[0]), new Look(turned, found[1]) };
		}
	}

	/** The votes, the decision and why: it goes into the JSON diagnostics. */
	public static final class Evidence {
		public final List<Vote> votes;
		public final boolean upsideDown;
		public final String why;

		Evidence(List<Vote> votes, boolean upsideDown, String why) {
			this.votes = Collections.unmodifiableList(new ArrayList<>(votes));
			this.upsideDown = upsideDown;
			this.why = why;
		}

		public Map<String, Object> toJson() {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("upside_down", upsideDown);
			m.put("why", why);
			List<Object> v = new ArrayList<>();
			for (Vote vote : votes) v.add(vote.toJson());
			m.put("votes", v);
			return m;
		}
	}

	/**
	 * The cues every page is read with: row-start pulses, pulse shapes anywhere, T waves after QRS,
	 * and last the lead names, read only as far as they can still change the decision.
	 */
	public static List<Cue> standardCues() {
		return List.of(PageOrientation::rowPulses, PageOrientation::pulseShapes, PageOrientation::waveOrder,
			PageOrientation::leadNames);
	}

	/** The page the right way up, carrying the evidence (a page turned keeps what its cue read of it). */
	public static PreparedPage orient(PreparedPage page) {
		Look[] looks = Look.bothWays(page);
		Evidence evidence = decide(looks[0], looks[1], standardCues());
		return (evidence.upsideDown ? looks[1].page : page).withOrientation(evidence.toJson());
	}

	public static Evidence decide(PreparedPage page) {
		return decide(page, standardCues());
	}

	public static Evidence decide(PreparedPage page, List<Cue> cues) {
		Look[] looks = Look.bothWays(page);
		return decide(looks[0], looks[1], cues);
	}

	/**
	 * Upside down when the cues together say so: the sum of each cue's weighted sightings turned
	 * minus upright is positive, and no cue that saw anything upright is outweighed only by one
	 * sighting. Pages where nothing was seen either way stay as they are. The last cue knows all
	 * the others' votes, and may stop counting once the rest of its sightings cannot matter.
	 */
	static Evidence decide(Look upright, Look turned, List<Cue> cues) {
		List<Vote> votes = new ArrayList<>();
		double balance = 0;
		double seen = 0;
		int unread = 0;
		for (int i = 0; i < cues.size(); i++) {
			double before = balance;
			Settled settled = i < cues.size() - 1 ? NOT_YET : (low, high) -> upsideDown(before + low) == upsideDown(
				before + high);
			Vote v = cues.get(i).vote(upright, turned, settled);
			votes.add(v);
			balance += v.balance();
			seen += v.weight * (v.upright + v.turned);
			unread += v.unread;
		}
		boolean upsideDown = upsideDown(balance);
		String why = seen == 0 && unread == 0 ? "nothing on the page tells which way up it is; left as it is" : String
			.format(Locale.ROOT, "%s: %.1f for turned against %.1f for upright", upsideDown ? "upside down" : "upright",
				sum(votes, true), sum(votes, false));
		for (Vote v : votes) {
			if (v.unread > 0) why += String.format(Locale.ROOT, "; %s: %d left unread, too few to change that", v.cue,
				v.unread);
		}
		return new Evidence(votes, upsideDown, why);
	}

	private static boolean upsideDown(double balance) {
		return balance >= MIN_PULSED_ROWS;
	}

	private static double sum(List<Vote> votes, boolean turned) {
		double s = 0;
		for (Vote v : votes) s += v.weight * (turned ? v.turned : v.upright);
		return s;
	}

	/**
	 * Rows of traces that start with a calibration pulse standing on their baseline, alike as a
	 * printer draws them (one pulse-like shape that starts a row is no evidence: a rhythm strip's
	 * step, a square complex).
	 */
	static Vote rowPulses(Look upright, Look turned, Settled settled) {
		return new Vote("rows starting with alike calibration pulses", PulseFinder.alike(PulseFinder.rowStarts(
			upright.rows, upright.ink), upright.ink.mmX).size(), PulseFinder.alike(PulseFinder.rowStarts(turned.rows,
				turned.ink), turned.ink.mmX).size(), 1);
	}

	/**
	 * Calibration pulses anywhere on the page, alike and stacked as a printer draws them: a
	 * rectangle standing on its foot, its bar on top. Turned, the bar is at the bottom.
	 */
	static Vote pulseShapes(Look upright, Look turned, Settled settled) {
		return new Vote("calibration pulses standing on their foot", PulseFinder.scan(upright.ink).size(), PulseFinder
			.scan(turned.ink).size(), 0.5);
	}

	/**
	 * Lead names that read one way only ({@link LabelOrientation}): every short, isolated word of
	 * letter-sized ink on the page, read as it stands and turned, until the words left are too few
	 * to change the decision. "aVR" or "V1" turned is no lead name; I, II and III read the same
	 * either way and do not count. One per word, as a pulse.
	 */
	static Vote leadNames(Look upright, Look turned, Settled settled) {
		// the components of the ink before rules were erased: the words LabelOrientation looks for
		LabelOrientation.Evidence labels = LabelOrientation.read(upright.ink.raw, upright.labels, turned.labels,
			LabelOrientation.mmX(upright.page), LabelOrientation.mmY(upright.page), (up, down, left) -> settled.test(
				LABEL_WEIGHT * (down - up - left), LABEL_WEIGHT * (down - up + left)));
		return new Vote("lead names read left to right", labels.upright, labels.turned, LABEL_WEIGHT, labels.unread);
	}

	/** What one lead name is worth: as much as a row's pulse. */
	static final double LABEL_WEIGHT = 1;

	/** Where the T wave is looked for after a QRS complex, and the P wave before it, in seconds. */
	static final double WAVE_FROM = 0.1;
	static final double WAVE_TO = 0.4;
	/** A beat says which way time runs when one side of its QRS moves this much more than the other. */
	static final double WAVE_RATIO = 1.5;
	/** What one beat is worth against a pulse. */
	static final double BEAT_WEIGHT = 0.2;

	/**
	 * ECG morphology: every beat's QRS complex is followed by a T wave, broad and usually larger than
	 * the P wave before it. Turned half-way round, time runs backwards and the larger wave comes
	 * first. Counts the beats whose trace strays further from its line in the 0.1-0.4 s after the
	 * complex than before it, and the other way round (paper speed taken as 25 mm/s).
	 */
	static Vote waveOrder(Look upright, Look turned, Settled settled) {
		int[] u = waveOrder(upright);
		int[] t = waveOrder(turned);
		// a page turned shows the mirror counts: pool both readings
		return new Vote("T waves after the QRS complexes", u[0] + t[1], u[1] + t[0], BEAT_WEIGHT / 2);
	}

	/** {beats with the larger wave after, beats with it before}. */
	private static int[] waveOrder(Look look) {
		PageInk ink = look.ink;
		double pps = ink.mmX * 25;
		int after = 0;
		int before = 0;
		for (TraceRow r : look.rows) {
			for (double b : BeatFinder.beats(r, ink, r.start, r.end, pps)) {
				double a = deviation(r, ink, b + WAVE_FROM * pps, b + WAVE_TO * pps);
				double p = deviation(r, ink, b - WAVE_TO * pps, b - WAVE_FROM * pps);
				if (Double.isNaN(a) || Double.isNaN(p)) continue;
				if (a > WAVE_RATIO * p) after++;
				else if (p > WAVE_RATIO * a) before++;
			}
		}
		return new int[] { after, before };
	}

	/**
	 * How far the trace strays from the row's line between columns a and b: the mean distance of the
	 * middle of its ink (within a third of the band of the line) from the line; NaN off the row.
	 */
	static double deviation(TraceRow r, PageInk ink, double a, double b) {
		int xa = (int) Math.round(a);
		int xb = (int) Math.round(b);
		if (xa < r.start || xb > r.end) return Double.NaN;
		int reach = (r.bottom - r.top) / 3;
		double sum = 0;
		int n = 0;
		for (int x = xa; x < xb; x++) {
			double line = r.lineAt(x);
			int from = (int) Math.max(0, line - reach);
			double last = Math.min(ink.h - 1, line + reach);
			if (!(last >= from)) continue;
			int to = (int) Math.floor(last);
			// the first and last ink of the column's band, read from the column's bits
			int top = ink.columns.nextSet(x, from);
			if (top > to) continue;
			int bottom = ink.columns.previousSet(x, to);
			sum += Math.abs((top + bottom) / 2.0 - line);
			n++;
		}
		return n == 0 ? Double.NaN : sum / n;
	}
}
