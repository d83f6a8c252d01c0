package org.ecgdigitizer.core.trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ecgdigitizer.core.Box;
import org.ecgdigitizer.core.Median;
import org.ecgdigitizer.core.layout.CalibrationPulse;
import org.ecgdigitizer.core.layout.LeadLayout;
import org.ecgdigitizer.core.layout.LeadRegion;
import org.ecgdigitizer.core.preprocess.Bits;
import org.ecgdigitizer.core.preprocess.PreparedPage;

/**
 * Stage 3: follows each lead's trace through its region.
 *
 * <p>Every image column offers a few candidate vertical runs of ink. A Viterbi path picks one
 * run per column, preferring runs that touch the previous column's run (a pen stroke is
 * continuous) and that stay near the region's own baseline (a neighbour's trace that wanders in
 * is farther away). The trace centre in each column keeps the extremes: a column that is a peak
 * takes the run's outer edge, so QRS complexes keep their full height.</p>
 *
 * <p>Coordinates are continuous: pixel (x, y) covers [x, x+1) x [y, y+1).</p>
 */
public final class TraceExtractor {

	/** Ink probability that starts a run, and the lower level that may bridge a one-pixel gap in it. */
	static final float RUN = 0.3f;
	static final float BRIDGE = 0.1f;
	static final int MAX_RUNS = 10;
	/** Costs of the path: per mm of vertical jump between runs, per mm from the baseline, per skipped column. */
	static final double JUMP_PER_MM = 1.0;
	static final double BASELINE_PER_MM = 0.03;
	static final double SKIP = 0.3;
	/** A run this tall (mm) in one column is a steep stroke: a trace at rest is a pen wide. */
	static final double STEEP_MM = 1.0;
	/**
	 * The share of the baseline ranking a steep stroke going on from the trace at rest pays: enough
	 * that it is followed rather than skipped, while of two strokes leaving the trace (its own
	 * complex and a neighbour's touching it) the one nearer the baseline still wins.
	 */
	static final double STROKE_AWAY = 0.25;
	/** A column of trace holds at least this much ink (a fifth of a pixel): less is paper noise. */
	static final double MIN_COLUMN_MASS = 0.2;
	/** Ink this much wider than the pen (px) in a row of a steep stroke is two strokes merged at a peak. */
	static final double MERGED_STROKES = 0.6;
	/** Row crossings closer than this along x are one stack of points (a binary page's one-pixel stroke). */
	static final double STACKED_PX = 0.05;
	/** The widest grid line a steep stroke crosses (mm): a gap this short inside a stroke is bridged. */
	static final double GRID_LINE_MM = 0.25;
	/** Height of the band a trace rests in between beats (mm). */
	static final double REST_BAND_MM = 0.5;
	/**
	 * A baseline farther than this (mm) from where the trace rests is moved there: 3 mm is 0.3 mV at
	 * 10 mm/mV, more than a recording's own offset between beats usually is.
	 */
	static final double REST_MOVES_MM = 3;
	/**
	 * An unbroken stretch of ink at least this long (mm) is pen trace: a printed character is at
	 * most about 3 mm wide, and the paper shows between characters.
	 */
	static final double UNBROKEN_MM = 4;
	/** The share of a region's columns a broken path's unbroken stretches must hold to say where it rests. */
	static final double UNBROKEN_SHARE = 0.1;

	private TraceExtractor() {}

	/** A vertical run of ink in one column. */
	static final class Run {
		final int top;
		final int bottom; // inclusive
		final double mass;
		final double centroid;

		Run(int top, int bottom, double mass, double centroid) {
			this.top = top;
			this.bottom = bottom;
			this.mass = mass;
			this.centroid = centroid;
		}
	}

	public static List<Trace> extract(PreparedPage page, LeadLayout layout) {
		List<Box> pulses = new ArrayList<>();
		for (CalibrationPulse p : layout.pulses) pulses.add(p.box);
		return extract(page.inkPixels().clone(), page.densityPixels().clone(), page.width(), page.height(), pulses,
			layout.separators, layout.regions, layout.geometry.pxPerMmY);
	}

	/** As {@link #extract(PreparedPage, LeadLayout)}, on planes of the page's that it may change. */
	static List<Trace> extract(float[] ink, float[] density, int w, int h, List<Box> pulses, List<Box> separators,
		List<LeadRegion> regions, double mmY)
	{
		// pulses are not signal
		for (Box p : pulses) clear(p.grow(2, 2), w, h, ink, density);
		// separator ticks are not signal either; the trace across them is bridged later
		for (Box tick : separators) clear(tick, w, h, ink, density);
		List<Trace> traces = new ArrayList<>();
		for (LeadRegion region : regions) {
			if (region.labelBox != null) clear(region.labelBox.grow(1, 1), w, h, ink, density);
			// a name on the trace: its letters out, the trace kept
			if (region.nameOverTrace != null) NameOverTrace.takeOut(region.nameOverTrace, ink, w, h, STEEP_MM * mmY, ink, density);
		}
		Bits starts = starts(ink, w, h);
		for (LeadRegion region : regions) {
			Trace t = traceRegion(ink, density, starts, w, h, region, mmY);
			traces.add(region.nameOverTrace == null ? t : NameOverTrace.carriedAcross(t, region.nameOverTrace));
		}
		return traces;
	}

	/**
	 * Follows one region's trace. The 0 mV level is where the trace rests between beats; a
	 * baseline put far from it (a row whose pulse was not found, or one put on the text printed
	 * under the row) is moved there and the trace followed again. A path followed from a baseline
	 * put on text goes along the text and rests there, confirming the baseline by itself. But a pen
	 * draws the trace without lifting, while text is glyphs with paper between them: when the path
	 * is unbroken over less than half of the columns it covers, its unbroken stretches alone may
	 * still move the baseline.
	 */
	static Trace traceRegion(float[] ink, float[] density, Bits starts, int w, int h, LeadRegion region, double mmY) {
		Followed first = followed(ink, density, starts, w, h, region, mmY);
		double rest = restingLevel(first.trace.ys, mmY);
		if (!movesBaseline(rest, region, mmY)) {
			long covered = Arrays.stream(first.trace.ys).filter(y -> !Double.isNaN(y)).count();
			long unbroken = Arrays.stream(first.unbroken).filter(y -> !Double.isNaN(y)).count();
			if (Double.isNaN(rest) || unbroken >= covered / 2) return first.trace;
			rest = restingLevel(first.unbroken, mmY, UNBROKEN_SHARE);
			if (!movesBaseline(rest, region, mmY)) return first.trace;
		}
		return follow(ink, density, starts, w, h, region.withBaseline(rest), mmY);
	}

	/** Whether a resting level is known and far enough from the region's baseline to move it there. */
	private static boolean movesBaseline(double rest, LeadRegion region, double mmY) {
		return !Double.isNaN(rest) && Math.abs(rest - region.baselineY) > REST_MOVES_MM * mmY;
	}

	/** Zeroes a box in each of the planes. */
	static void clear(Box b, int w, int h, float[]... planes) {
		int x0 = Math.max(0, (int) Math.floor(b.x));
		int x1 = Math.min(w, (int) Math.ceil(b.maxX()));
		int y0 = Math.max(0, (int) Math.floor(b.y));
		int y1 = Math.min(h, (int) Math.ceil(b.maxY()));
		for (float[] plane : planes) {
			for (int y = y0; y < y1; y++) Arrays.fill(plane, y * w + x0, y * w + Math.max(x0, x1), 0f);
		}
	}

	/** A followed trace, and its column values on the path's unbroken stretches only (NaN elsewhere). */
	static final class Followed {
		final Trace trace;
		final double[] unbroken;

		Followed(Trace trace, double[] unbroken) {
			this.trace = trace;
			this.unbroken = unbroken;
		}
	}

	/** Follows one region's trace. */
	static Trace follow(float[] ink, float[] density, Bits starts, int w, int h, LeadRegion region, double mmY) {
		return followed(ink, density, starts, w, h, region, mmY).trace;
	}

	/** As {@link #follow}, with the path's unbroken stretches. */
	static Followed followed(float[] ink, float[] density, Bits starts, int w, int h, LeadRegion region,
		double mmY)
	{
		int xa = Math.max(0, (int) Math.floor(region.box.x));
		int xb = Math.min(w, (int) Math.ceil(region.box.maxX()));
		int n = Math.max(0, xb - xa);
		double half = region.box.height / 2;
		// search into the neighbouring rows: large complexes cross into them
		int ya = Math.max(0, (int) Math.floor(region.box.y - half));
		int yb = Math.min(h, (int) Math.ceil(region.box.maxY() + half));
		int crossing = (int) Math.max(2, Math.round(GRID_LINE_MM * mmY));
		// the loops over the columns in methods of their own: C2 would otherwise compile all that follows them here
		// (the path, the centre line) once per loop (on-stack replacement)
		Run[][] runs = columnRuns(ink, density, starts, w, xa, n, ya, yb, crossing);
		Run[] chosen = path(runs, region.baselineY, mmY, FaintInk.forPage(density, w, xa, crossing, mmY),
			NameOverTrace.hidden(region.nameOverTrace, xa, runs));
		double[][] line = centreLine(chosen, density, w, xa);
		double[] ys = line[0];
		double[] fine = line[1];
		double confidence = n == 0 ? 0 : covered(ys) / (double) n;
		return new Followed(new Trace(region, xa, ys, fine, confidence), unbroken(chosen, ys, UNBROKEN_MM * mmY));
	}

	/** The ink runs of the n columns from xa on, rows ya to yb. */
	private static Run[][] columnRuns(float[] ink, float[] density, Bits starts, int w, int xa, int n, int ya, int yb,
		int crossing)
	{
		Run[][] runs = new Run[n][];
		for (int i = 0; i < n; i++) runs[i] = runs(ink, density, starts, w, xa + i, ya, yb, crossing);
		return runs;
	}

	/** How many of the column values are known. */
	private static int covered(double[] ys) {
		int covered = 0;
		for (double y : ys) if (!Double.isNaN(y)) covered++;
		return covered;
	}

	/**
	 * The column values of the stretches at least {@code minPx} columns long in which every
	 * column's run touches the next one's, NaN elsewhere.
	 */
	static double[] unbroken(Run[] chosen, double[] ys, double minPx) {
		int n = chosen.length;
		double[] out = new double[n];
		Arrays.fill(out, Double.NaN);
		for (int i = 0; i < n;) {
			if (chosen[i] == null) {
				i++;
				continue;
			}
			int end = i;
			while (end + 1 < n && chosen[end + 1] != null && gap(chosen[end], chosen[end + 1]) == 0) end++;
			if (end - i + 1 >= minPx) System.arraycopy(ys, i, out, i, end - i + 1);
			i = end + 1;
		}
		return out;
	}

	/**
	 * The path through the columns' runs: one run or none per column, by Viterbi. Touching runs
	 * are cheap neighbours, runs near the baseline rank first within a column.
	 */
	static Run[] path(Run[][] runs, double baselineY, double mmY) {
		return path(runs, baselineY, mmY, null);
	}

	/**
	 * As {@link #path(Run[][], double, double)}; {@code faint} (may be null) says which rows of a
	 * jump between neighbouring columns are covered by faint ink, which a jump crosses for free.
	 */
	static Run[] path(Run[][] runs, double baselineY, double mmY, FaintInk faint) {
		return path(runs, baselineY, mmY, faint, null);
	}

	/**
	 * As {@link #path(Run[][], double, double, FaintInk)}; {@code hidden} (may be null) marks the
	 * columns where a name printed over the trace hid it, which a jump may cross beyond the usual
	 * reach.
	 */
	static Run[] path(Run[][] runs, double baselineY, double mmY, FaintInk faint, boolean[] hidden) {
		int n = runs.length;
		// Viterbi over columns. A path may skip columns (a gap in the ink, or runs that all belong
		// to something else) at a small cost per column, so it never has to jump to a neighbour's trace.
		int reach = (int) Math.max(2, Math.round(1.5 * mmY));
		double[][] cost = new double[n][];
		int[][] fromColumn = new int[n][];
		int[][] fromRun = new int[n][];
		// runs on a stroke that goes on from this lead's trace at rest
		boolean[][] onTrace = new boolean[n][];
		// where the pen leaves each run on the path to it
		PenEnd[][] leaves = new PenEnd[n][];
		double column = typicalColumnMass(runs);
		double steepPx = STEEP_MM * mmY;
		for (int i = 0; i < n; i++) {
			Run[] rs = runs[i];
			// distance from the baseline only ranks a column's runs against each other; it must not
			// make a deep wave cheaper to skip than to follow
			double nearest = Double.POSITIVE_INFINITY;
			for (Run r : rs) nearest = Math.min(nearest, Math.abs(r.centroid - baselineY));
			cost[i] = new double[rs.length];
			fromColumn[i] = new int[rs.length];
			fromRun[i] = new int[rs.length];
			onTrace[i] = new boolean[rs.length];
			leaves[i] = new PenEnd[rs.length];
			for (int k = 0; k < rs.length; k++) {
				// A steep run that continues the stroke of the column before (touching it), where that
				// stroke goes on from this lead's own trace at rest, is this lead's complex: however far
				// from the baseline it goes and whatever other ink lies nearer the baseline (a
				// neighbour's tall complex beside this one). Other runs, and runs reached across a gap
				// (text, a neighbour's trace that wanders in), are ranked by their distance from it.
				double off = Math.abs(rs[k].centroid - baselineY) - nearest;
				double away = BASELINE_PER_MM * off / mmY;
				boolean steep = rs[k].bottom - rs[k].top + 1 >= steepPx;
				double emit = 0.5 / (1 + rs[k].mass / column);
				// starting here skips every column before
				double best = SKIP * i + away;
				int bestColumn = -1;
				int bestRun = -1;
				boolean bestContinues = false;
				for (int p = reachBack(i, reach, hidden); p < i; p++) {
					int skipped = i - p - 1;
					Run[] ps = runs[p];
					for (int j = 0; j < ps.length; j++) {
						int g = leaves[p][j].gap(rs[k]);
						// a jump across the faint ink of a stroke pays only for the bare rows
						int jump = g > 0 && faint != null ? faint.bareRows(runs, p, ps[j], i, rs[k]) : g;
						boolean continues = skipped == 0 && g == 0 && onTrace[p][j];
						double c = cost[p][j] + SKIP * skipped + JUMP_PER_MM * Math.max(0, jump - skipped) / mmY + (steep &&
							continues ? STROKE_AWAY * away : away);
						if (c < best) {
							best = c;
							bestColumn = p;
							bestRun = j;
							bestContinues = continues;
						}
					}
				}
				// the trace at rest: a level run near the baseline, the nearest to it in its column
				onTrace[i][k] = bestContinues || !steep && off <= REST_BAND_MM * mmY && Math.abs(rs[k].centroid -
					baselineY) <= REST_MOVES_MM * mmY;
				cost[i][k] = best + emit;
				fromColumn[i][k] = bestColumn;
				fromRun[i][k] = bestRun;
				leaves[i][k] = PenEnd.of(rs[k], i > 0 && bestColumn == i - 1 ? runs[i - 1][bestRun] : null, steepPx);
			}
		}
		// the path ends anywhere, paying for the columns it leaves out at the end
		double bestEnd = Double.POSITIVE_INFINITY;
		int endColumn = -1;
		int endRun = -1;
		for (int i = 0; i < n; i++) {
			for (int k = 0; k < cost[i].length; k++) {
				double c = cost[i][k] + SKIP * (n - 1 - i);
				if (c < bestEnd) {
					bestEnd = c;
					endColumn = i;
					endRun = k;
				}
			}
		}
		Run[] chosen = new Run[n];
		for (int i = endColumn, k = endRun; i >= 0;) {
			chosen[i] = runs[i][k];
			int pi = fromColumn[i][k];
			int pk = fromRun[i][k];
			i = pi;
			k = pk;
		}
		return chosen;
	}

	/**
	 * Where the pen is as it leaves a run for a later column. A steep stroke drawn one way goes on
	 * that way: a pen going down it is at its bottom as it leaves the column, and the next column's
	 * ink is measured from there, not from the stroke's top (which the neighbour's spike inside a
	 * deep QS touches). Drawn one way means that the run's far end moved on from the run of the
	 * column before by at least a steep stroke's height (what a pen drawing a steep stroke covers
	 * per column) and its near end did not come back: where it moved less, the pen slowed to turn,
	 * and both sides of the apex share the column. A pen that turned at the far end inside the
	 * column comes back over the rows it drew: a later run within the stroke's rows is measured
	 * from the whole run.
	 */
	static final class PenEnd {
		final Run run;
		/** The rows the pen leaves the run from (inclusive). */
		final int top;
		final int bottom;

		private PenEnd(Run run, int top, int bottom) {
			this.run = run;
			this.top = top;
			this.bottom = bottom;
		}

		/** Where the pen leaves run r, reached on the path from run before of the column before (or null). */
		static PenEnd of(Run r, Run before, double steepPx) {
			int pen = (int) Math.ceil(steepPx);
			if (before != null && r.bottom - r.top + 1 >= steepPx) {
				if (r.bottom - before.bottom >= steepPx && r.top >= before.top) {
					return new PenEnd(r, Math.max(r.top, r.bottom - pen), r.bottom);
				}
				if (before.top - r.top >= steepPx && r.bottom <= before.bottom) {
					return new PenEnd(r, r.top, Math.min(r.bottom, r.top + pen));
				}
			}
			return new PenEnd(r, r.top, r.bottom);
		}

		/** Bare rows between where the pen leaves and run q. */
		int gap(Run q) {
			// the way back of a pen that turned inside the column
			if (q.top >= run.top && q.bottom <= run.bottom) return 0;
			return TraceExtractor.gap(top, bottom, q.top, q.bottom);
		}
	}

	/**
	 * The first column a path may come to column i from: {@code reach} columns back, the columns
	 * where a name over the trace hid it (hidden, may be null) not counted.
	 */
	static int reachBack(int i, int reach, boolean[] hidden) {
		if (hidden == null) return Math.max(0, i - reach);
		int p = i - 1;
		int between = 0;
		while (p > 0) {
			int more = between + (hidden[p] ? 0 : 1);
			if (more > reach - 1) break;
			between = more;
			p--;
		}
		return Math.max(0, p);
	}

	/**
	 * The ink one column of this trace holds, at most one pixel's: the median over the columns of
	 * their heaviest run's mass. A pen thinner than a pixel (a 0.2-0.5 mm trace at 2-3 px/mm), or a
	 * grey one, never fills a pixel, and its runs are weighed against its own columns: otherwise
	 * skipping every column would be cheaper than following the trace.
	 */
	static double typicalColumnMass(Run[][] runs) {
		double[] heaviest = new double[runs.length];
		int count = 0;
		for (Run[] rs : runs) {
			double m = 0;
			for (Run r : rs) m = Math.max(m, r.mass);
			if (m > 0) heaviest[count++] = m;
		}
		if (count == 0) return 1;
		return Math.max(MIN_COLUMN_MASS, Math.min(1, Median.of(Arrays.copyOf(heaviest, count))));
	}

	/**
	 * Where a trace rests: the mean of the path's column values within the densest band
	 * {@value #REST_BAND_MM} mm high, NaN when less than half of the columns are traced. Between
	 * beats (the PR and TP segments) a trace runs level at its 0 mV line, and it spends more time
	 * there than at any other height.
	 */
	static double restingLevel(double[] ys, double mmY) {
		return restingLevel(ys, mmY, 0.5);
	}

	/** As {@link #restingLevel(double[], double)}, NaN when less than {@code share} of the columns have a value. */
	static double restingLevel(double[] ys, double mmY, double share) {
		double[] v = Arrays.stream(ys).filter(y -> !Double.isNaN(y)).sorted().toArray();
		if (v.length < Math.max(10, Math.floor(ys.length * share))) return Double.NaN;
		double band = REST_BAND_MM * mmY;
		int best = 0;
		int bestFrom = 0;
		for (int i = 0, j = 0; i < v.length; i++) {
			while (j < v.length && v[j] - v[i] <= band) j++;
			if (j - i > best) {
				best = j - i;
				bestFrom = i;
			}
		}
		double sum = 0;
		for (int k = bestFrom; k < bestFrom + best; k++) sum += v[k];
		return sum / best;
	}

	/**
	 * Faint ink between the runs of neighbouring columns. A steep stroke of a thin pen at low
	 * resolution, or anti-aliased, spreads over two or three columns and covers a fraction of each
	 * pixel, below the level that starts a run: a QRS stroke then breaks into pieces with grey
	 * between them, and a printer's or scanner's dots leave that grey with holes a pixel or two
	 * high. Where the rows between two runs of neighbouring columns hold only such grey (in either
	 * column), holes no taller than a grid line's crossing included, the pen did not lift and the
	 * jump costs nothing. A gap of bare paper, or one that another stroke's ink crosses (a
	 * neighbour's complex), costs as before.
	 */
	static final class FaintInk {
		/**
		 * The widest pen ECG printers draw with (mm), and the width (px) below which its steep
		 * strokes may fall apart so: a pen two pixels wide covers at least half of one pixel in every
		 * row it crosses, and its strokes are runs of their own.
		 */
		static final double PEN_MM = 0.4;
		static final double THIN_PEN_PX = 2;
		/** Ink density (share of a pixel) that is some of the pen's ink, not bare paper. */
		static final float LEVEL = 0.1f;
		private final float[] density;
		private final int w;
		private final int xa;
		/** The tallest hole in faint ink that the pen's dots leave (px). */
		private final int holes;

		FaintInk(float[] density, int w, int xa, int holes) {
			this.density = density;
			this.w = w;
			this.xa = xa;
			this.holes = holes;
		}

		/** The faint ink of a region's columns from xa on, or null where the pen is wider than {@link #THIN_PEN_PX}. */
		static FaintInk forPage(float[] density, int w, int xa, int holes, double mmY) {
			return PEN_MM * mmY < THIN_PEN_PX ? new FaintInk(density, w, xa, holes) : null;
		}

		/**
		 * The rows between run a of column p and run b of a later column i that the pen's ink does
		 * not cover: those in holes taller than {@link #holes}; all of them when no row between holds
		 * faint ink, or when another run of the columns p..i reaches past the gap (another stroke
		 * crosses it: a neighbour's complex). A row is covered when any of the columns p..i holds
		 * faint ink in it: a stroke steeper than a pixel per column leaves columns between its pieces
		 * where no pixel reaches the level of a run (JPEG and camera blur spread a thin pen's ink
		 * over its neighbours). A run wholly inside the gap is a darker piece of the same stroke.
		 *
		 * @param runs the runs of every column, a in column p and b in column i
		 */
		int bareRows(Run[][] runs, int p, Run a, int i, Run b) {
			int from = Math.min(a.bottom, b.bottom) + 1;
			int to = Math.max(a.top, b.top);
			for (int c = p; c <= i; c++) {
				if (crosses(runs[c], c == p ? a : c == i ? b : null, c == i ? null : b, from, to)) return to - from;
			}
			int bare = 0;
			int hole = 0;
			boolean faint = false;
			for (int y = from; y < to; y++) {
				boolean inked = false;
				for (int c = p; c <= i && !inked; c++) inked = density[y * w + xa + c] >= LEVEL;
				if (inked) {
					faint = true;
					if (hole > holes) bare += hole;
					hole = 0;
				}
				else {
					hole++;
				}
			}
			if (!faint) return to - from;
			return hole > holes ? bare + hole : bare;
		}

		/**
		 * Whether a run other than {@code own} overlaps rows [from, to) and reaches beyond them. A run
		 * of own's column that touches {@code target} is no other stroke: it is the steep stroke
		 * itself, broken off from own's piece by its faint rows, going on to the target.
		 */
		private static boolean crosses(Run[] runs, Run own, Run target, int from, int to) {
			for (Run r : runs) {
				if (r != own && r.bottom >= from && r.top < to && (r.top < from || r.bottom >= to) && (target == null ||
					gap(r, target) > 0))
				{
					return true;
				}
			}
			return false;
		}
	}

	/** Vertical distance between two runs; 0 when they overlap or touch. */
	static int gap(Run a, Run b) {
		return gap(a.top, a.bottom, b.top, b.bottom);
	}

	/** Bare rows between the rows aTop..aBottom and bTop..bBottom (inclusive); 0 where they touch or overlap. */
	static int gap(int aTop, int aBottom, int bTop, int bBottom) {
		if (bTop > aBottom + 1) return bTop - aBottom - 1;
		if (aTop > bBottom + 1) return aTop - bBottom - 1;
		return 0;
	}

	/**
	 * The pixels that start a run (ink probability at least {@link #RUN}), column by column: a
	 * column's runs are found from them without reading the paper between.
	 */
	static Bits starts(float[] ink, int w, int h) {
		// above the float just below RUN is at least RUN
		return Bits.above(ink, w, h, Math.nextDown(RUN)).transposed();
	}

	/**
	 * The ink runs of one column within [ya, yb), strongest first, at most MAX_RUNS: found on the
	 * ink probability ({@link #starts} says where they may start), measured (mass, centroid) on the
	 * ink density. Gaps of up to {@code crossing} pixels between two steep pieces of a stroke are
	 * bridged: where a steep stroke crosses a grid line the ink separation may give the line's
	 * pixels to the grid, but the pen did not lift there.
	 */
	static Run[] runs(float[] ink, float[] density, Bits starts, int w, int x, int ya, int yb, int crossing) {
		List<Run> out = new ArrayList<>();
		for (int y = starts.nextSet(x, ya); y < yb; y = starts.nextSet(x, y)) {
			int top = y;
			double mass = 0;
			double moment = 0;
			int bottom = y;
			while (y < yb) {
				float v = ink[y * w + x];
				if (v >= RUN || v >= BRIDGE && y + 1 < yb && ink[(y + 1) * w + x] >= RUN) {
					float d = density[y * w + x];
					mass += d;
					moment += d * (y + 0.5);
					bottom = y;
					y++;
				}
				else {
					break;
				}
			}
			out.add(new Run(top, bottom, mass, mass > 0 ? moment / mass : (top + bottom + 1) / 2.0));
		}
		if (crossing > 0) out = bridgeCrossings(out, crossing);
		if (out.size() > MAX_RUNS) {
			out.sort((a, b) -> Double.compare(b.mass, a.mass));
			out = new ArrayList<>(out.subList(0, MAX_RUNS));
		}
		return out.toArray(new Run[0]);
	}

	/**
	 * Runs (top to bottom) with the gaps of up to {@code crossing} pixels between two pieces at
	 * least {@code crossing + 1} pixels tall closed: a steep stroke cut by grid lines. A level
	 * trace's run is about a pen wide and keeps its gaps to whatever lies near it.
	 */
	static List<Run> bridgeCrossings(List<Run> runs, int crossing) {
		List<Run> out = new ArrayList<>();
		for (Run r : runs) {
			Run last = out.isEmpty() ? null : out.get(out.size() - 1);
			if (last != null && r.top - last.bottom - 1 <= crossing && last.bottom - last.top >= crossing &&
				r.bottom - r.top >= crossing)
			{
				double mass = last.mass + r.mass;
				double centroid = mass > 0 ? (last.mass * last.centroid + r.mass * r.centroid) / mass : (last.top +
					r.bottom + 1) / 2.0;
				out.set(out.size() - 1, new Run(last.top, r.bottom, mass, centroid));
			}
			else {
				out.add(r);
			}
		}
		return out;
	}

	/**
	 * The trace centre, {@link Trace#STEPS} points per column. A thin run is a flat stretch of
	 * pen: its ink centroid is the value at the column's centre, and the path runs straight from
	 * one column centre to the next. A tall run is a steep stroke, and a column cannot say where in
	 * it the signal passes the column's centre (a pen p pixels wide paints the signal's travel over
	 * 1 + p columns). Steep strokes are read across instead: in each row, the stroke's ink gives
	 * where the signal crosses that row. Together these points form a polyline along the stroke,
	 * which the fine path follows within each column. A peak's apex is half a stroke inside the
	 * outermost row's sub-pixel edge, so QRS complexes keep their full height.
	 *
	 * @return the path at the column centres, and the fine path
	 */
	static double[][] centreLine(Run[] chosen, float[] density, int w, int xa) {
		// each loop in a method of its own: a method called a few hundred times with several hot loops is
		// compiled by C2 once per loop (on-stack replacement), each time with all that follows the loop
		double pen = penWidth(chosen);
		boolean[] steep = steepColumns(chosen, pen);
		double[] ys = levelCentroids(chosen, steep);
		List<int[]> stretches = steepStretches(steep);
		List<List<RowCut>> cuts = new ArrayList<>();
		for (int[] s : stretches) cuts.add(cutRows(chosen, density, w, xa, s[0], s[1]));
		double stroke = strokeWidth(cuts, pen);
		double[] fine = fineLine(ys);
		for (int k = 0; k < stretches.size(); k++) {
			readAcross(chosen, stretches.get(k)[0], stretches.get(k)[1], cuts.get(k), stroke, ys, fine);
		}
		return new double[][] { ys, fine };
	}

	/** The columns whose run is taller than the pen: steep strokes. */
	private static boolean[] steepColumns(Run[] chosen, double pen) {
		boolean[] steep = new boolean[chosen.length];
		for (int i = 0; i < chosen.length; i++) {
			Run r = chosen[i];
			if (r != null) steep[i] = r.bottom - r.top + 1 > pen + 1.5;
		}
		return steep;
	}

	/** The ink centroids of the flat columns, NaN at the steep and empty ones. */
	private static double[] levelCentroids(Run[] chosen, boolean[] steep) {
		double[] ys = new double[chosen.length];
		Arrays.fill(ys, Double.NaN);
		for (int i = 0; i < chosen.length; i++) {
			if (chosen[i] != null && !steep[i]) ys[i] = chosen[i].centroid;
		}
		return ys;
	}

	/** The first and last column of each stretch of steep columns. */
	private static List<int[]> steepStretches(boolean[] steep) {
		List<int[]> stretches = new ArrayList<>();
		for (int i = 0; i < steep.length;) {
			if (!steep[i]) {
				i++;
				continue;
			}
			int end = i;
			while (end + 1 < steep.length && steep[end + 1]) end++;
			stretches.add(new int[] { i, end });
			i = end + 1;
		}
		return stretches;
	}

	/** A steep stroke's width across is the pen's own width; level runs also hold its jitter. */
	private static double strokeWidth(List<List<RowCut>> cuts, double pen) {
		List<Double> widths = new ArrayList<>();
		for (List<RowCut> stretch : cuts) {
			for (RowCut c : stretch) if (c.apex == 0) widths.add(c.right - c.left);
		}
		if (widths.size() < 10) return pen;
		widths.sort(Double::compare);
		return Math.max(1, widths.get(widths.size() / 4));
	}

	/** The fine path of the flat columns: straight from one column centre to the next. */
	private static double[] fineLine(double[] ys) {
		double[] fine = new double[ys.length * Trace.STEPS];
		for (int j = 0; j < fine.length; j++) fine[j] = between(ys, (j + 0.5) / Trace.STEPS - 0.5);
		return fine;
	}

	/**
	 * The steep columns a..b read across, from their row cuts, into ys and the fine path: the
	 * polyline through the cuts' points and the centroids of the flat columns beside them.
	 */
	private static void readAcross(Run[] chosen, int a, int b, List<RowCut> cuts, double stroke, double[] ys,
		double[] fine)
	{
		int n = chosen.length;
		List<double[]> points = new ArrayList<>();
		boolean before = a > 0 && chosen[a - 1] != null;
		boolean after = b + 1 < n && chosen[b + 1] != null;
		if (before) points.add(new double[] { a - 0.5, chosen[a - 1].centroid });
		if (after) points.add(new double[] { b + 1.5, chosen[b + 1].centroid });
		for (RowCut c : cuts) c.addPoints(stroke, points);
		points.sort((p, q) -> Double.compare(p[0], q[0]));
		points = mergeStacked(points);
		// the steep columns, and the halves of the flat columns beside them up to their centres
		int from = (before ? a - 1 : a) * Trace.STEPS + (before ? Trace.STEPS / 2 : 0);
		int to = (after ? b + 1 : b) * Trace.STEPS + (after ? Trace.STEPS / 2 : Trace.STEPS);
		for (int j = from; j < to; j++) fine[j] = polylineAt(points, (j + 0.5) / Trace.STEPS);
		// i < b + 1, not i <= b: C2 guards an inclusive bound with a loop limit check whose trap forces a
		// second compile of this method
		for (int i = a; i < b + 1; i++) ys[i] = polylineAt(points, i + 0.5);
	}

	/** Values at column centres, linear between them; NaN farther than half a column from any value. */
	private static double between(double[] ys, double u) {
		int i = (int) Math.floor(u);
		double f = u - i;
		double a = i >= 0 && i < ys.length ? ys[i] : Double.NaN;
		double b = i + 1 >= 0 && i + 1 < ys.length ? ys[i + 1] : Double.NaN;
		if (Double.isNaN(a)) return f >= 0.5 ? b : Double.NaN;
		if (Double.isNaN(b)) return f < 0.5 ? a : Double.NaN;
		return a + f * (b - a);
	}

	/** A steep stroke's ink in one row: sub-pixel edges and centroid (columns relative to xa). */
	static final class RowCut {
		final double y;
		final double left;
		final double right;
		final double centroid;
		/** -1: the top row of an upward peak, +1: the bottom row of a downward one, 0: neither. */
		final int apex;
		/** The sub-pixel outer edge of an apex row. */
		final double apexEdge;

		RowCut(double y, double left, double right, double centroid, int apex, double apexEdge) {
			this.y = y;
			this.left = left;
			this.right = right;
			this.centroid = centroid;
			this.apex = apex;
			this.apexEdge = apexEdge;
		}

		/**
		 * Where the signal crosses this row. One stroke gives its centroid. Wider ink is two strokes
		 * merged near a peak, each half a stroke inside the edges. An apex row gives the peak, half a
		 * stroke inside its outer edge.
		 */
		void addPoints(double stroke, List<double[]> points) {
			if (apex != 0) points.add(new double[] { (left + right) / 2, apexEdge - apex * stroke / 2 });
			else if (right - left <= stroke + MERGED_STROKES) points.add(new double[] { centroid, y });
			else {
				points.add(new double[] { left + stroke / 2, y });
				points.add(new double[] { right - stroke / 2, y });
			}
		}
	}

	/**
	 * The row cuts of the steep columns a..b (inclusive). Rows that the flat columns on either side
	 * also cover are the junctions: those columns' own centroids hold there.
	 */
	private static List<RowCut> cutRows(Run[] chosen, float[] density, int w, int xa, int a, int b) {
		int n = chosen.length;
		int top = Integer.MAX_VALUE;
		int bottom = Integer.MIN_VALUE;
		for (int i = a; i <= b; i++) {
			top = Math.min(top, chosen[i].top);
			bottom = Math.max(bottom, chosen[i].bottom);
		}
		Run left = a > 0 ? chosen[a - 1] : null;
		Run right = b + 1 < n ? chosen[b + 1] : null;
		List<RowCut> cuts = new ArrayList<>();
		for (int y = top; y <= bottom; y++) {
			if (left != null && y >= left.top && y <= left.bottom) continue;
			if (right != null && y >= right.top && y <= right.bottom) continue;
			for (int i = a; i <= b;) {
				if (y < chosen[i].top || y > chosen[i].bottom) {
					i++;
					continue;
				}
				int j = i;
				while (j + 1 <= b && y >= chosen[j + 1].top && y <= chosen[j + 1].bottom) j++;
				RowCut cut = cut(density, w, xa, n, i, j, y, y == top ? -1 : y == bottom ? 1 : 0);
				if (cut != null) cuts.add(cut);
				i = j + 1;
			}
		}
		return cuts;
	}

	/** The cut of row y through the ink of columns i..j, or null when they hold none. */
	private static RowCut cut(float[] density, int w, int xa, int n, int i, int j, int y, int apex) {
		double mass = 0;
		double moment = 0;
		for (int c = i; c <= j; c++) {
			float d = density[y * w + xa + c];
			mass += d;
			moment += d * (c + 0.5);
		}
		if (mass <= 0) return null;
		// the anti-aliased pixels beside the run move the edges; a dark one is another stroke
		float before = i > 0 ? density[y * w + xa + i - 1] : 0;
		float after = j + 1 < n ? density[y * w + xa + j + 1] : 0;
		if (before > 0.5f) before = 0;
		if (after > 0.5f) after = 0;
		double leftEdge = i + 1 - density[y * w + xa + i] - before;
		double rightEdge = j + density[y * w + xa + j] + after;
		double centroid = (moment + before * (i - 0.5) + after * (j + 1.5)) / (mass + before + after);
		double edge = apex == 0 ? Double.NaN : apexEdge(density, w, xa, i, j, y, apex);
		return new RowCut(y + 0.5, leftEdge, rightEdge, centroid, apex, edge);
	}

	/** The stroke's sub-pixel outer edge in row y (dir -1: top edge, +1: bottom edge), from coverage. */
	private static double apexEdge(float[] density, int w, int xa, int i, int j, int y, int dir) {
		int h = density.length / w;
		int outside = y + dir;
		float coverage = 0;
		for (int c = i; c <= j; c++) {
			float beyond = outside >= 0 && outside < h ? density[outside * w + xa + c] : 0;
			coverage = Math.max(coverage, density[y * w + xa + c] + beyond);
		}
		return dir < 0 ? y + 1 - coverage : y + coverage;
	}

	/**
	 * Points sorted by x, with runs of points at (nearly) the same x replaced by their mean. On a
	 * binary (thresholded) page every row of a one-pixel stroke has its centroid at the column's
	 * centre, and the stack's middle is then the value there; collinear points average onto their
	 * line, so anti-aliased strokes lose nothing.
	 */
	static List<double[]> mergeStacked(List<double[]> points) {
		List<double[]> out = new ArrayList<>();
		for (int i = 0; i < points.size();) {
			int j = i;
			double sx = 0;
			double sy = 0;
			while (j < points.size() && points.get(j)[0] - points.get(i)[0] < STACKED_PX) {
				sx += points.get(j)[0];
				sy += points.get(j)[1];
				j++;
			}
			out.add(new double[] { sx / (j - i), sy / (j - i) });
			i = j;
		}
		return out;
	}

	/** Linear interpolation of points sorted by x; the nearest end beyond them. */
	static double polylineAt(List<double[]> points, double x) {
		if (points.isEmpty()) return Double.NaN;
		if (x <= points.get(0)[0]) return points.get(0)[1];
		for (int k = 1; k < points.size(); k++) {
			double[] p = points.get(k - 1);
			double[] q = points.get(k);
			if (x <= q[0]) {
				if (q[0] - p[0] < 1e-9) return (p[1] + q[1]) / 2;
				return p[1] + (q[1] - p[1]) * (x - p[0]) / (q[0] - p[0]);
			}
		}
		return points.get(points.size() - 1)[1];
	}

	/**
	 * The pen's thickness in pixels: the ink mass of columns where the trace runs level (its
	 * neighbours' centroids agree), which is the pen's own width; sloped columns hold more ink.
	 */
	static double penWidth(Run[] chosen) {
		List<Double> level = new ArrayList<>();
		List<Double> all = new ArrayList<>();
		for (int i = 0; i < chosen.length; i++) {
			Run r = chosen[i];
			if (r == null) continue;
			all.add(r.mass);
			if (i > 0 && i + 1 < chosen.length && chosen[i - 1] != null && chosen[i + 1] != null && Math.abs(
				chosen[i + 1].centroid - chosen[i - 1].centroid) < 0.3)
			{
				level.add(r.mass);
			}
		}
		List<Double> masses = level.size() >= 20 ? level : all;
		if (masses.isEmpty()) return 1;
		masses.sort(Double::compare);
		return Math.max(1, masses.get((int) (masses.size() * (masses == level ? 0.5 : 0.3))));
	}
}
