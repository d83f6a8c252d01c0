package org.ecgdigitizer.core.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import org.ecgdigitizer.core.Median;
import org.ecgdigitizer.core.preprocess.Bits;

/**
 * Finds the rows of traces: image rows near which ink runs continuously for centimetres. Text is
 * broken between characters, grid remnants are sparse dots; a trace is one unbroken line.
 */
final class RowFinder {

	/** Rows with a pulse that make the rows above them without one suspect... */
	static final int MIN_PULSED_ROWS = 2;
	/** ...when those are weaker than this fraction of the median row and of the weakest pulsed row. */
	static final double WEAK_ROW = 0.7;
	/** Separate places where a row of trace must reach 2 mm away from its baseline. */
	static final int MIN_EXCURSIONS = 3;

	private RowFinder() {}


	/** Rows of traces, top to bottom, without weak stragglers. */
	static List<TraceRow> find(PageInk ink) {
		List<TraceRow> lines = new ArrayList<>();
		for (TraceRow t : tracks(ink)) {
			// a printed rule or a grid line left behind is straight; a trace never is; a shadow is broad
			if (straight(t, ink) || broad(t, ink)) continue;
			extent(t, ink);
			lines.add(t);
		}
		double longest = 0;
		for (TraceRow t : lines) longest = Math.max(longest, t.strength);
		RowEnds ends = RowEnds.of(lines, longest);
		List<TraceRow> withPulse = new ArrayList<>();
		for (TraceRow t : lines) {
			// the pulse's top stays below the nearest line above that could be a row (not a piece of pulse)
			double above = Double.NaN;
			for (TraceRow o : lines) {
				if (o.strength < 0.25 * longest) continue;
				double y = o.lineAt(t.start);
				if (y <= t.lineAt(t.start) - MIN_SPACING_MM * ink.mmY && (Double.isNaN(above) || y > above)) above = y;
			}
			if (startsWithPulse(t, above, ink) && ends.holds(t.start, t.start, ink.mmX)) withPulse.add(t);
		}
		// pulses whose row was not followed (a wandering or very tall trace) still make a row
		List<CalibrationPulse> stacked = new ArrayList<>();
		for (CalibrationPulse p : PulseFinder.scan(ink)) if (ends.holds(p.box.x, p.box.maxX(), ink.mmX)) stacked.add(p);
		for (CalibrationPulse p : stacked) {
			TraceRow owner = null;
			for (TraceRow t : lines) {
				double d = Math.abs(t.lineAt(p.box.maxX()) - p.footY);
				if (d <= 3 * ink.mmY && (owner == null || d < Math.abs(owner.lineAt(p.box.maxX()) - p.footY))) owner = t;
			}
			if (owner == null) {
				owner = new TraceRow(p.footY, 0, (int) p.box.x, (int) Math.ceil(p.box.maxX()), "pulse");
				extent(owner, ink);
				lines.add(owner);
			}
			if (!withPulse.contains(owner)) withPulse.add(owner);
		}
		List<TraceRow> found = withoutShadows(lines, withPulse, ink.mmY);
		found.sort((a, b) -> Double.compare(a.baseline, b.baseline));
		double[] strengths = new double[found.size()];
		for (int i = 0; i < found.size(); i++) strengths[i] = found.get(i).strength;
		Arrays.sort(strengths);
		// a typical row: the median of the stronger half (text lines and stains are many and weak)
		double median = strengths.length == 0 ? 0 : strengths[(3 * strengths.length) / 4];
		List<TraceRow> kept = new ArrayList<>();
		List<Boolean> pulsed = new ArrayList<>();
		for (TraceRow row : found) {
			// a calibration pulse starts a row however little of the trace stays near its baseline
			boolean pulse = withPulse.contains(row);
			if (pulse || row.strength >= 0.4 * median && hasExcursions(row, ink)) {
				kept.add(row);
				pulsed.add(pulse);
			}
		}
		lowVoltageRows(found, kept, pulsed, median, ink.mmY, r -> hasExcursions(r, ink));
		// Above the first row with a pulse, a weak row without one is header text or grid left over; a row
		// as strong as one the printer marked with a pulse is a row whose pulse was not seen (cut off by a
		// photo's edge, say)
		int firstPulsed = pulsed.indexOf(true);
		int pulses = 0;
		double weakestPulsed = Double.POSITIVE_INFINITY;
		for (int i = 0; i < kept.size(); i++) {
			if (!pulsed.get(i)) continue;
			pulses++;
			weakestPulsed = Math.min(weakestPulsed, kept.get(i).strength);
		}
		double header = WEAK_ROW * Math.min(median, weakestPulsed);
		List<TraceRow> rows = new ArrayList<>();
		for (int i = 0; i < kept.size(); i++) {
			if (i < firstPulsed && pulses >= MIN_PULSED_ROWS && kept.get(i).strength < header) continue;
			rows.add(kept.get(i));
		}
		return evenlySpaced(fillSkippedRows(onPitch(rows, found, RowPitch.of(stacked), ink), ink), ink.mmX);
	}

	/** Rows kept are this evenly spaced: a gap within this fraction of theirs is on their spacing. */
	static final double EVEN = 0.15;

	/** A line at the rows' spacing with a trace's complexes is a row when at least this fraction of a typical row's strength. */
	static final double BROKEN_ROW = 0.25;

	/**
	 * Adds the lines left out at one row spacing from the nearest row kept, working outwards from the
	 * rows kept: those nearly as long as a typical row that lack only a tall complex (leads with a low
	 * voltage: lead I and aVL often show QRS complexes under 0.4 mV), and those with a trace's
	 * complexes whose ink is broken into short stretches (a crease or a fold across the page, a
	 * faded print). Text and rules are neither that long nor at the rows' spacing; a shadow is not
	 * followed as a line at all ({@link #broad}).
	 *
	 * @param complexes whether a line leaves its baseline as a trace does ({@link #hasExcursions})
	 */
	static void lowVoltageRows(List<TraceRow> found, List<TraceRow> kept, List<Boolean> pulsed, double median,
		double mmY, Predicate<TraceRow> complexes)
	{
		if (kept.size() < 2) return;
		List<TraceRow> sorted = new ArrayList<>(kept);
		sorted.sort((a, b) -> Double.compare(a.baseline, b.baseline));
		double spacing = spacingOf(sorted);
		if (spacing < MIN_SPACING_MM * mmY) return;
		boolean added = true;
		while (added) {
			added = false;
			for (TraceRow row : found) {
				if (kept.contains(row)) continue;
				boolean low = row.strength >= WEAK_ROW * median;
				if (!low && (row.strength < BROKEN_ROW * median || !complexes.test(row))) continue;
				double nearest = Double.POSITIVE_INFINITY;
				for (TraceRow k : kept) nearest = Math.min(nearest, Math.abs(row.baseline - k.baseline));
				if (Math.abs(nearest - spacing) <= EVEN * spacing) {
					kept.add(row);
					pulsed.add(false);
					added = true;
				}
			}
		}
		// in page order again, each with its pulse flag
		List<TraceRow> rows = new ArrayList<>(kept);
		List<Boolean> flags = new ArrayList<>(pulsed);
		rows.sort((a, b) -> Double.compare(a.baseline, b.baseline));
		pulsed.clear();
		for (TraceRow r : rows) pulsed.add(flags.get(kept.indexOf(r)));
		kept.clear();
		kept.addAll(rows);
	}

	/**
	 * The spacing of rows, top to bottom: the smallest gap between neighbours that every other gap is
	 * a whole number of (a gap that skips a row not yet kept is two spacings, never one and a half),
	 * else the median gap.
	 */
	static double spacingOf(List<TraceRow> sorted) {
		double[] gaps = gaps(sorted);
		double[] ascending = gaps.clone();
		Arrays.sort(ascending);
		for (double g : ascending) {
			boolean whole = g > 0;
			for (double o : gaps) {
				long k = Math.round(o / g);
				if (k < 1 || k > MAX_SKIPPED + 1 || Math.abs(o / k - g) > EVEN * g) whole = false;
			}
			if (whole) return g;
		}
		return gaps.length == 0 ? Double.NaN : Median.of(gaps);
	}

	/** Rows seldom go missing more than this many together between two rows found. */
	static final int MAX_SKIPPED = 2;

	/** The gaps between neighbouring rows' baselines, top to bottom. */
	static double[] gaps(List<TraceRow> sorted) {
		double[] gaps = new double[Math.max(0, sorted.size() - 1)];
		for (int i = 0; i < gaps.length; i++) gaps[i] = sorted.get(i + 1).baseline - sorted.get(i).baseline;
		return gaps;
	}

	/** As {@link #lowVoltageRows(List, List, List, double, double, Predicate)}, without broken lines. */
	static void lowVoltageRows(List<TraceRow> found, List<TraceRow> kept, List<Boolean> pulsed, double median,
		double mmY)
	{
		lowVoltageRows(found, kept, pulsed, median, mmY, r -> false);
	}

	/** A row is where the pulses' pitch puts one when its line passes within this many pitches of the place. */
	static final double PITCH_REACH = 0.3;

	/**
	 * The rows the pulses' pitch allows. Between two pulses some pitches apart, the rows are the one
	 * at each pulse and the one nearest each place the pitch names in between (or, where none was
	 * followed, the trace found there: its pulse hidden under a neighbour's complex, its line too
	 * tall and wandering to follow); any other line there is pieces of the neighbours' complexes.
	 * Rows outside the pulses' span (a rhythm strip at its own distance) stay as they are.
	 *
	 * @param candidates every line followed, weak ones too: one at a place the pitch names is a row
	 */
	static List<TraceRow> onPitch(List<TraceRow> rows, List<TraceRow> candidates, RowPitch pitch, PageInk ink) {
		if (pitch == null || rows.isEmpty()) return rows;
		double reach = PITCH_REACH * pitch.pitch;
		List<TraceRow> placed = new ArrayList<>();
		for (double foot : pitch.feet) {
			TraceRow r = nearest(rows, foot, pitch.x, reach, placed);
			if (r != null) placed.add(r);
		}
		double[] starts = new double[rows.size()];
		double[] ends = new double[rows.size()];
		for (int i = 0; i < rows.size(); i++) {
			starts[i] = rows.get(i).start;
			ends[i] = rows.get(i).end;
		}
		int x0 = (int) Median.of(starts);
		int x1 = (int) Median.of(ends);
		for (double y : pitch.missing()) {
			TraceRow r = nearest(rows, y, pitch.x, reach, placed);
			if (r == null) r = nearest(candidates, y, pitch.x, reach, placed);
			if (r == null) r = missedRow(ink, y, reach, x0, x1, "pitch");
			if (r != null) placed.add(r);
		}
		for (TraceRow r : rows) {
			if (!placed.contains(r) && !pitch.governs(r.lineAt(pitch.x))) placed.add(r);
		}
		placed.sort((a, b) -> Double.compare(a.baseline, b.baseline));
		return placed;
	}

	/** The row whose line at column x is nearest y, within reach, not yet taken; or null. */
	private static TraceRow nearest(List<TraceRow> rows, double y, double x, double reach, List<TraceRow> taken) {
		TraceRow best = null;
		double bestD = reach;
		for (TraceRow r : rows) {
			double d = Math.abs(r.lineAt(x) - y);
			if (d <= bestD && !taken.contains(r)) {
				best = r;
				bestD = d;
			}
		}
		return best;
	}

	/**
	 * Candidate rows, top to bottom: lines of trace followed across the page. The page is cut into
	 * strips {@link #STRIP_MM} wide; in each, the image rows near which most columns hold ink that is
	 * part of a long run are where a trace passes. Those places are linked from strip to strip into
	 * tracks, so a trace whose baseline wanders (an unfiltered recording drifts by centimetres) stays
	 * one row, and the tall complexes of a neighbouring row, a few columns wide, do not make a row.
	 */
	static List<TraceRow> tracks(PageInk ink) {
		int halfWindow = (int) Math.max(1, Math.round(1.5 * ink.mmY));
		int minRun = (int) Math.round(8 * ink.mmX);
		int strip = (int) Math.max(4, Math.round(STRIP_MM * ink.mmX));
		float[][] cover = coverage(ink, halfWindow, minRun, strip);
		int strips = cover.length;
		int suppress = (int) Math.max(2, Math.round(4 * ink.mmY));
		double reach = Math.max(2, REACH_MM * ink.mmY);
		int maxGap = (int) Math.max(1, Math.round(MAX_GAP_MM * ink.mmX / strip));
		double maxSlope = MAX_DRIFT * strip * ink.mmY / ink.mmX;
		List<Track> active = new ArrayList<>();
		List<Track> all = new ArrayList<>();
		for (int s = 0; s < strips; s++) {
			double[] profile = boxSmooth(toDouble(cover[s]), Math.max(1, halfWindow / 2));
			List<int[]> peaks = peaks(profile, MIN_COVER, suppress);
			// link each place to the nearest track that passed a strip or a few before, nearest pairs first
			List<double[]> pairs = new ArrayList<>();
			for (int t = 0; t < active.size(); t++) {
				Track track = active.get(t);
				int skipped = s - track.lastStrip() - 1;
				if (skipped >= maxGap) continue;
				for (int p = 0; p < peaks.size(); p++) {
					double d = Math.abs(peaks.get(p)[0] - track.predictedY(s, maxSlope));
					if (d <= reach * (1 + 0.5 * skipped)) pairs.add(new double[] { d, t, p });
				}
			}
			pairs.sort((a, b) -> Double.compare(a[0], b[0]));
			boolean[] trackUsed = new boolean[active.size()];
			boolean[] peakUsed = new boolean[peaks.size()];
			for (double[] pair : pairs) {
				int t = (int) pair[1];
				int p = (int) pair[2];
				if (trackUsed[t] || peakUsed[p]) continue;
				trackUsed[t] = true;
				peakUsed[p] = true;
				active.get(t).add(s, peaks.get(p)[0], profile[peaks.get(p)[0]]);
			}
			for (int p = 0; p < peaks.size(); p++) {
				if (peakUsed[p]) continue;
				Track track = new Track();
				track.add(s, peaks.get(p)[0], profile[peaks.get(p)[0]]);
				active.add(track);
				all.add(track);
			}
			int now = s;
			active.removeIf(track -> now - track.lastStrip() >= maxGap);
		}
		List<TraceRow> candidates = new ArrayList<>();
		for (Track track : joinBroken(all, ink.mmY)) {
			TraceRow row = track.toRow(strip, ink);
			if (row.runEnd - row.runStart >= minRun) candidates.add(row);
		}
		candidates.sort((a, b) -> Double.compare(a.baseline, b.baseline));
		return candidates;
	}

	/** A printed line has ink on its own line in at least this fraction of its columns. */
	static final double ON_LINE = 0.9;

	/** Rows of a page are at least this far apart; printers space them 10 mm or more. */
	static final double MIN_SPACING_MM = 7;

	/**
	 * Tracks that lie beside a stronger one, closer than rows are ever printed, are the same trace
	 * seen twice (a T wave, a wandering stretch) or a line beside it (grid left behind): the one that
	 * starts with a pulse stays, else the stronger.
	 */
	static List<TraceRow> withoutShadows(List<TraceRow> tracks, List<TraceRow> pulsed, double mmY) {
		List<TraceRow> sorted = new ArrayList<>(tracks);
		// a row that starts with a calibration pulse is a row; the line beside it is not
		sorted.sort((a, b) -> pulsed.contains(a) != pulsed.contains(b) ? pulsed.contains(a) ? -1 : 1 : Double.compare(
			b.strength, a.strength));
		List<TraceRow> kept = new ArrayList<>();
		for (TraceRow t : sorted) {
			boolean shadow = false;
			for (TraceRow k : kept) {
				double dy = Math.abs(k.baseline - t.baseline);
				int overlap = Math.min(k.runEnd, t.runEnd) - Math.max(k.runStart, t.runStart);
				if (dy < 0.5 * MIN_SPACING_MM * mmY || dy < MIN_SPACING_MM * mmY && overlap > 0) shadow = true;
			}
			if (!shadow) kept.add(t);
		}
		return kept;
	}

	/**
	 * Strips are this wide: wide enough to hold a beat or two, so a T wave or an ST shift does not
	 * move a trace's place; narrow enough that a wandering baseline moves a millimetre or so.
	 */
	static final double STRIP_MM = 25;
	/** A trace moves at most this much from one strip to the next. */
	static final double REACH_MM = 2.5;
	/** A track may skip this much (a gap between columns, a faded stretch) and go on. */
	static final double MAX_GAP_MM = 50;
	/**
	 * A trace may pass where at least this fraction of a strip's columns hold long-run ink near it
	 * (a trace with tall T waves spends half its time away from its baseline).
	 */
	static final double MIN_COVER = 0.25;
	/**
	 * The steepest drift of a baseline followed, mm per mm: a recording that was not filtered for
	 * baseline wander (breathing) drifts by up to a few mm per second.
	 */
	static final double MAX_DRIFT = 0.3;

	/**
	 * Per strip of columns and image row: the fraction of the strip's columns that hold ink within
	 * halfWindow rows, in a run of such columns at least minRun long (a trace is one unbroken line;
	 * text breaks between words, grid remnants are dots).
	 */
	static float[][] coverage(PageInk ink, int halfWindow, int minRun, int strip) {
		int w = ink.w;
		int h = ink.h;
		int strips = (w + strip - 1) / strip;
		float[][] cover = new float[strips][h];
		// the columns with ink within halfWindow rows of each row
		Bits covered = ink.rows.grownAcross(halfWindow);
		for (int y = 0; y < h; y++) {
			for (int x = covered.nextSet(y, 0); x < w; x = covered.nextSet(y, x)) {
				int start = x;
				x = bridgedRunEnd(covered, y, x);
				if (x - start < minRun) continue;
				for (int s = start / strip; s <= (x - 1) / strip; s++) {
					int a = Math.max(start, s * strip);
					int b = Math.min(x, Math.min(w, (s + 1) * strip));
					cover[s][y] += b - a;
				}
			}
		}
		for (int s = 0; s < strips; s++) {
			int width = Math.min(w, (s + 1) * strip) - s * strip;
			for (int y = 0; y < h; y++) cover[s][y] /= width;
		}
		return cover;
	}

	/**
	 * Where the run of set pixels of line y from x ends, gaps of one or two pixels bridged
	 * (anti-aliasing dropouts) unless they reach the line's last two pixels.
	 */
	private static int bridgedRunEnd(Bits covered, int y, int x) {
		x = covered.nextClear(y, x);
		while (x + 2 < covered.w && (covered.get(x + 1, y) || covered.get(x + 2, y))) x = covered.nextClear(y, x + 1);
		return x;
	}

	/** Local maxima at least min high, the highest first, none within suppress of a higher one; {y}. */
	static List<int[]> peaks(double[] v, double min, int suppress) {
		List<int[]> out = new ArrayList<>();
		// in a method of its own: C2 would otherwise compile the sort below with it by on-stack replacement
		List<Integer> candidates = localMaxima(v, min);
		candidates.sort((a, b) -> Double.compare(v[b], v[a]));
		for (int c : candidates) {
			boolean near = false;
			for (int[] p : out) if (Math.abs(p[0] - c) <= suppress) near = true;
			if (!near) out.add(new int[] { c });
		}
		return out;
	}

	/** The local maxima at least min high, in order. */
	private static List<Integer> localMaxima(double[] v, double min) {
		List<Integer> candidates = new ArrayList<>();
		for (int i = 0; i < v.length; i++) {
			if (v[i] < min) continue;
			if (i > 0 && v[i - 1] > v[i] || i + 1 < v.length && v[i + 1] > v[i]) continue;
			candidates.add(i);
		}
		return candidates;
	}

	static double[] toDouble(float[] v) {
		double[] d = new double[v.length];
		for (int i = 0; i < v.length; i++) d[i] = v[i];
		return d;
	}

	/** A trace followed across strips: the strips it passed and its image row in each. */
	static final class Track {
		final List<int[]> strips = new ArrayList<>();
		final List<Double> ys = new ArrayList<>();
		double cover;

		void add(int strip, double y, double c) {
			strips.add(new int[] { strip });
			ys.add(y);
			cover += c;
		}

		int firstStrip() {
			return strips.get(0)[0];
		}

		int lastStrip() {
			return strips.get(strips.size() - 1)[0];
		}

		double firstY() {
			return ys.get(0);
		}

		double lastY() {
			return ys.get(ys.size() - 1);
		}

		/** Where the trace should be at a strip: on the line through its last two places, its drift limited. */
		double predictedY(int strip, double maxSlope) {
			int n = ys.size();
			if (n < 2) return lastY();
			double slope = (ys.get(n - 1) - ys.get(n - 2)) / (strips.get(n - 1)[0] - strips.get(n - 2)[0]);
			slope = Math.max(-maxSlope, Math.min(maxSlope, slope));
			return lastY() + slope * (strip - lastStrip());
		}

		TraceRow toRow(int strip, PageInk ink) {
			double[] v = new double[ys.size()];
			for (int i = 0; i < v.length; i++) v[i] = ys.get(i);
			double baseline = Median.of(v);
			int n = lastStrip() - firstStrip() + 1;
			double[] profile = new double[n];
			Arrays.fill(profile, Double.NaN);
			for (int i = 0; i < strips.size(); i++) profile[strips.get(i)[0] - firstStrip()] = ys.get(i);
			int runStart = firstStrip() * strip;
			int runEnd = Math.min(ink.w, (lastStrip() + 1) * strip);
			TraceRow row = new TraceRow(baseline, cover * strip / ink.mmX, runStart, runEnd, "ink");
			row.profile = profile;
			row.profileStrip = strip;
			return row;
		}
	}

	/** Tracks that continue one another after a longer gap (a faded stretch), at the same height, become one. */
	static List<Track> joinBroken(List<Track> tracks, double mmY) {
		List<Track> sorted = new ArrayList<>(tracks);
		sorted.sort((a, b) -> Integer.compare(a.firstStrip(), b.firstStrip()));
		List<Track> out = new ArrayList<>();
		for (Track t : sorted) {
			Track joined = null;
			for (Track o : out) {
				if (o.lastStrip() < t.firstStrip() && Math.abs(o.lastY() - t.firstY()) <= REACH_MM * mmY && (joined == null ||
					Math.abs(o.lastY() - t.firstY()) < Math.abs(joined.lastY() - t.firstY())))
				{
					joined = o;
				}
			}
			if (joined == null) {
				out.add(t);
				continue;
			}
			for (int i = 0; i < t.strips.size(); i++) {
				joined.strips.add(t.strips.get(i));
				joined.ys.add(t.ys.get(i));
			}
			joined.cover += t.cover;
		}
		return out;
	}

	/**
	 * A printed rule or frame line, not a trace: straight. Wherever the row's ink near its line is
	 * found, it lies within half a millimetre of one height; even a flat ECG has P and T waves.
	 */
	static boolean straight(TraceRow row, PageInk ink) {
		if (row.profile == null) return false;
		int found = 0;
		int level = 0;
		for (double y : row.profile) {
			if (Double.isNaN(y)) continue;
			found++;
			if (Math.abs(y - row.baseline) <= 0.5 * ink.mmY) level++;
		}
		return found >= 3 && level >= 0.95 * found && onLine(row, ink) >= ON_LINE;
	}

	/** A pen's line is thinner than this many mm; a trace leaves most of the band around its line paper. */
	static final double PEN_MM = 0.9;
	/** The band around a row's line in which its ink's thickness is measured: +- this many mm. */
	static final double BAND_MM = 1.5;

	/**
	 * A crease's shadow or a stain, not a trace: broad and soft. Where ink lies near its line, it is
	 * at least {@link #PEN_MM} thick in three columns of four, whereas a pen draws a line a few
	 * tenths of a millimetre thick and only a trace's steep strokes (a few columns per beat) fill
	 * the band. A shadow dark enough to pass for ink fills it wherever it lies.
	 */
	static boolean broad(TraceRow row, PageInk ink) {
		return broad(row, ink, row.runStart, row.runEnd);
	}

	/** Whether the row's ink near its line between columns a and b is broad ({@link #broad(TraceRow, PageInk)}). */
	static boolean broad(TraceRow row, PageInk ink, int a, int b) {
		// a line two or three pixels thick is a pen's at any resolution (anti-aliasing adds a pixel)
		return thinQuartile(row, ink, a, b) >= Math.max(PEN_MM * ink.mmY, 3);
	}

	/**
	 * The lower quartile, over the columns a..b with ink near the row's line, of that ink's
	 * thickness in px (within {@link #BAND_MM} of the line); 0 when no column holds ink there.
	 */
	static double thinQuartile(TraceRow row, PageInk ink, int a, int b) {
		int half = (int) Math.max(1, Math.round(BAND_MM * ink.mmY));
		int[] counts = new int[2 * half + 2];
		int columns = 0;
		for (int x = Math.max(0, a); x < Math.min(ink.w, b); x++) {
			int line = (int) Math.round(row.lineAt(x));
			int n = 0;
			for (int y = Math.max(0, line - half); y <= Math.min(ink.h - 1, line + half); y++) if (ink.at(x, y)) n++;
			if (n == 0) continue;
			counts[n]++;
			columns++;
		}
		if (columns == 0) return 0;
		int seen = 0;
		for (int n = 1; n < counts.length; n++) {
			seen += counts[n];
			if (seen > columns / 4) return n;
		}
		return counts.length - 1;
	}

	/**
	 * The fraction of the columns the row spans that hold ink on its line itself (within a pixel of
	 * the most inked image row near its baseline): all of them for a printed line, far fewer for a
	 * trace, whose noise, waves and slopes keep it off any one image row.
	 */
	static double onLine(TraceRow row, PageInk ink) {
		int base = (int) Math.round(row.baseline);
		int reach = (int) Math.max(1, Math.round(0.5 * ink.mmY));
		int bestY = base;
		int best = -1;
		for (int y = Math.max(1, base - reach); y <= Math.min(ink.h - 2, base + reach); y++) {
			int n = ink.rows.count(y, row.runStart, row.runEnd);
			if (n > best) {
				best = n;
				bestY = y;
			}
		}
		int on = 0;
		for (int x = row.runStart; x < row.runEnd; x++) {
			if (ink.at(x, bestY) || ink.at(x, bestY - 1) || ink.at(x, bestY + 1)) on++;
		}
		return on / (double) Math.max(1, row.runEnd - row.runStart);
	}

	static double[] boxSmooth(double[] v, int r) {
		int n = v.length;
		double[] prefix = new double[n + 1];
		for (int i = 0; i < n; i++) prefix[i + 1] = prefix[i] + v[i];
		double[] out = new double[n];
		for (int i = 0; i < n; i++) {
			int a = Math.max(0, i - r);
			int b = Math.min(n, i + r + 1);
			out[i] = (prefix[b] - prefix[a]) / (b - a);
		}
		return out;
	}

	/** Whether a row (a flat one, say) begins with a calibration pulse, which no stray line does. */
	static boolean startsWithPulse(TraceRow row, double previousBaseline, PageInk ink) {
		double line = row.lineAt(row.start);
		TraceRow r = new TraceRow(line, row.strength, row.runStart, row.runEnd, row.foundBy);
		r.top = (int) Math.max(0, Math.floor(line - 8 * ink.mmY));
		r.bottom = (int) Math.min(ink.h, Math.ceil(line + 8 * ink.mmY));
		r.start = row.start;
		r.end = row.end;
		CalibrationPulse pulse = PulseFinder.find(r, 0, previousBaseline, ink);
		// the pulse stands on this row's line where it starts, not on a row below whose pulse reaches up through it
		return pulse != null && Math.abs(pulse.footY - line) <= 3 * ink.mmY;
	}

	/**
	 * Whether a row's line leaves its baseline in places, as every ECG does at its QRS complexes:
	 * a few separate places where the ink through the baseline reaches 2 mm or more, one of them
	 * 4 mm or more. A straight line (what a grid's border leaves behind) does not, and nor does a
	 * line of text, whose strokes are no taller than its letters.
	 */
	static boolean hasExcursions(TraceRow row, PageInk ink) {
		if (row.baseline < 0 || row.baseline >= ink.h) return false;
		int slack = (int) Math.ceil(ink.mmY);
		int events = 0;
		int tallest = 0;
		boolean inEvent = false;
		// across the whole page: the row found may be only its flattest leads; along the row's own
		// line, which a photographed or curled page bends away from one image row
		for (int x = 0; x < ink.w; x++) {
			int base = (int) Math.round(row.lineAt(x));
			if (base < 0 || base >= ink.h) continue;
			int[] run = ink.verticalRunThrough(x, base, slack);
			int length = run == null ? 0 : run[1] - run[0] + 1;
			boolean tall = length >= 2 * ink.mmY;
			if (tall && !inEvent) events++;
			inEvent = tall;
			tallest = Math.max(tallest, length);
		}
		return events >= MIN_EXCURSIONS && tallest >= 4 * ink.mmY;
	}

	/**
	 * Rows are evenly spaced. Where two rows found are two or more spacings apart, the rows between
	 * were missed (a trace with large ST-T waves spends little time near its baseline) and are added
	 * when their band holds a trace across most of the width: at the image row the ink favours.
	 */
	static List<TraceRow> fillSkippedRows(List<TraceRow> rows, PageInk ink) {
		if (rows.size() < 3) return rows;
		double[] gaps = gaps(rows);
		double spacing = Median.of(gaps);
		// rows of a 12-lead page are at least 8 mm apart, and there are at most 12 of them
		if (spacing < 8 * ink.mmY) return rows;
		List<TraceRow> out = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			TraceRow r = rows.get(i);
			out.add(r);
			if (i + 1 == rows.size()) break;
			double gap = gaps[i];
			long k = Math.round(gap / spacing);
			if (k < 2 || k > 12 || Math.abs(gap / k - spacing) > 0.15 * spacing) continue;
			int x0 = Math.min(r.runStart, rows.get(i + 1).runStart);
			int x1 = Math.max(r.runEnd, rows.get(i + 1).runEnd);
			for (int j = 1; j < k; j++) {
				double predicted = r.baseline + gap * j / k;
				TraceRow missed = missedRow(ink, predicted, 0.35 * spacing, x0, x1, "between rows");
				if (missed != null) out.add(missed);
			}
		}
		return out;
	}

	/**
	 * A row of trace in the band predicted +- reach, or null: most columns of x0..x1 hold ink in the
	 * band; the baseline is the image row with the most ink within 1 mm, at most reach / 2 from the
	 * prediction.
	 */
	private static TraceRow missedRow(PageInk ink, double predicted, double reach, int x0, int x1, String foundBy) {
		int top = (int) Math.max(0, Math.round(predicted - reach));
		int bottom = (int) Math.min(ink.h - 1, Math.round(predicted + reach));
		int from = Math.max(0, x0);
		int to = Math.min(ink.w, x1);
		int columns = Math.max(0, to - from);
		int inked = 0;
		for (int x = from; x < to; x++) if (ink.inkBetween(x, top, bottom + 1)) inked++;
		if (columns == 0 || inked < 0.8 * columns) return null;
		double[] perRow = new double[bottom - top + 1];
		for (int y = top; y <= bottom; y++) perRow[y - top] = ink.rows.count(y, from, to);
		double[] near = boxSmooth(perRow, (int) Math.max(1, Math.round(ink.mmY)));
		// near the place the spacing predicts: rows are printed at an even pitch, and the band's
		// edges hold the neighbours' complexes
		int best = -1;
		for (int y = 0; y < near.length; y++) {
			if (Math.abs(top + y - predicted) <= reach / 2 && (best < 0 || near[y] > near[best])) best = y;
		}
		if (best < 0) return null;
		// strength in mm of inked columns, as the bands measure it (pixels are square enough here)
		return new TraceRow(top + best, inked / ink.mmY, x0, x1, foundBy);
	}

	/**
	 * Rows of traces are printed at nearly even spacing; text blocks, shading and stains found as
	 * rows are not. Of the runs of consecutive rows whose gaps are 0.6 to 1.6 times the median gap,
	 * keeps the one with the most trace in it (lines of header text are many, close and weak), and
	 * the rhythm strips printed below it at a spacing of their own ({@link #rhythmStrip}).
	 */
	static List<TraceRow> evenlySpaced(List<TraceRow> rows, double mmX) {
		List<TraceRow> block = new ArrayList<>(evenlySpaced(rows));
		int next = block.isEmpty() ? rows.size() : rows.indexOf(block.get(block.size() - 1)) + 1;
		while (next < rows.size() && rhythmStrip(rows.get(next), block, mmX)) block.add(rows.get(next++));
		return block;
	}

	/**
	 * Whether a row found below a block of rows is a rhythm strip: one lead printed across the whole
	 * width the block spans (its ink begins and ends where the block's rows do, within
	 * {@link RowEnds#REACH_MM}), so at least as strong as the block's median row. Printers put it
	 * below the block at a distance of their own (closer or further than the rows' pitch: GE and
	 * ecg-image-kit leave room for the labels, some photos squeeze it), so its gap says nothing;
	 * text and stains below a block are neither that long nor that continuous.
	 */
	static boolean rhythmStrip(TraceRow row, List<TraceRow> block, double mmX) {
		if (block.size() < 2) return false;
		double[] starts = new double[block.size()];
		double[] ends = new double[block.size()];
		double[] strengths = new double[block.size()];
		for (int i = 0; i < block.size(); i++) {
			starts[i] = block.get(i).start;
			ends[i] = block.get(i).end;
			strengths[i] = block.get(i).strength;
		}
		double reach = RowEnds.REACH_MM * mmX;
		return row.end > row.start && row.start <= Median.of(starts) + reach && row.end >= Median.of(ends) - reach &&
			row.strength >= Median.of(strengths);
	}

	/** The evenly spaced run of rows with the most trace in it, as {@link #evenlySpaced(List, double)} finds it. */
	static List<TraceRow> evenlySpaced(List<TraceRow> rows) {
		if (rows.size() < 4) return rows;
		double[] gaps = gaps(rows);
		double median = Median.of(gaps);
		int bestStart = 0;
		int bestLength = 1;
		double bestStrength = rows.get(0).strength;
		for (int i = 1; i < rows.size(); i++) {
			if (rows.get(i).strength > bestStrength) {
				bestStrength = rows.get(i).strength;
				bestStart = i;
			}
		}
		int start = 0;
		double strength = rows.get(0).strength;
		for (int i = 0; i < gaps.length; i++) {
			boolean fits = gaps[i] >= 0.6 * median && gaps[i] <= 1.6 * median;
			if (!fits) {
				start = i + 1;
				strength = 0;
			}
			strength += rows.get(i + 1).strength;
			int length = i + 2 - start;
			// a row found from its pulse alone adds no strength, but it is a row
			if (strength > bestStrength || strength == bestStrength && length > bestLength) {
				bestLength = length;
				bestStart = start;
				bestStrength = strength;
			}
		}
		return new ArrayList<>(rows.subList(bestStart, bestStart + bestLength));
	}

	/** Each row owns the image rows closer to its baseline than to its neighbours'. */
	static void setBands(List<TraceRow> rows, int h, double mmY) {
		for (int i = 0; i < rows.size(); i++) {
			TraceRow r = rows.get(i);
			double up = i > 0 ? (r.baseline - rows.get(i - 1).baseline) / 2 : Double.NaN;
			double down = i + 1 < rows.size() ? (rows.get(i + 1).baseline - r.baseline) / 2 : Double.NaN;
			if (Double.isNaN(up)) up = Double.isNaN(down) ? 15 * mmY : down;
			if (Double.isNaN(down)) down = up;
			r.top = (int) Math.max(0, Math.floor(r.baseline - up));
			r.bottom = (int) Math.min(h, Math.ceil(r.baseline + down));
		}
	}

	/**
	 * The columns the row's trace covers: from the first to the last stretch of at least 3 mm in
	 * which every column holds ink near the row's line (1.5 mm, or 15% of its band) (gaps up to 1.5 mm bridged:
	 * anti-aliasing, a grid line taken away). Labels sit beside the line, specks are short, and a
	 * grid line left behind a few millimetres off does not count even where strokes join it.
	 */
	static void extent(TraceRow r, PageInk ink) {
		// within 1.5 mm of the line, or a little more on rows with room for tall complexes
		int reach = (int) Math.max(Math.max(1, Math.round(1.5 * ink.mmY)), 0.15 * (r.bottom - r.top));
		int minRun = (int) Math.max(3, Math.round(3 * ink.mmX));
		int maxGap = (int) Math.max(2, Math.round(1.5 * ink.mmX));
		int start = -1;
		int end = -1;
		int runStart = -1;
		int last = -1;
		for (int x = 0; x <= ink.w; x++) {
			boolean inked = false;
			if (x < ink.w) {
				int y = (int) Math.round(r.lineAt(x));
				inked = ink.inkBetween(x, y - reach, y + reach + 1);
			}
			if (inked) {
				if (runStart < 0 || x - last > maxGap) {
					if (runStart >= 0 && last + 1 - runStart >= minRun) {
						if (start < 0) start = runStart;
						end = last + 1;
					}
					runStart = x;
				}
				last = x;
			}
			else if (x == ink.w && runStart >= 0 && last + 1 - runStart >= minRun) {
				if (start < 0) start = runStart;
				end = last + 1;
			}
		}
		r.start = Math.max(0, start);
		r.end = Math.max(0, end);
	}

	/** Keeps the strongest rows when more were found than the layout has. */
	static List<TraceRow> fitRowCount(List<TraceRow> rows, int count) {
		if (rows.size() <= count) return rows;
		List<TraceRow> sorted = new ArrayList<>(rows);
		sorted.sort((a, b) -> Double.compare(b.strength, a.strength));
		List<TraceRow> keep = new ArrayList<>(sorted.subList(0, count));
		keep.sort((a, b) -> Double.compare(a.baseline, b.baseline));
		return keep;
	}

}
