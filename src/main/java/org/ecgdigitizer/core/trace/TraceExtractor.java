package org.ecgdigitizer.core.trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ecgdigitizer.core.Box;
import org.ecgdigitizer.core.layout.CalibrationPulse;
import org.ecgdigitizer.core.layout.LeadLayout;
import org.ecgdigitizer.core.layout.LeadRegion;
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
		float[] ink = page.inkPixels().clone();
		float[] density = page.densityPixels().clone();
		int w = page.width();
		int h = page.height();
		// pulses are not signal
		for (CalibrationPulse p : layout.pulses) {
			clear(ink, w, h, p.box.grow(2, 2));
			clear(density, w, h, p.box.grow(2, 2));
		}
		List<Trace> traces = new ArrayList<>();
		for (LeadRegion region : layout.regions) {
			if (region.labelBox != null) {
				clear(ink, w, h, region.labelBox.grow(1, 1));
				clear(density, w, h, region.labelBox.grow(1, 1));
			}
		}
		for (LeadRegion region : layout.regions) {
			traces.add(follow(ink, density, w, h, region, layout.geometry.pxPerMmY));
		}
		return traces;
	}

	static void clear(float[] ink, int w, int h, Box b) {
		int x0 = Math.max(0, (int) Math.floor(b.x));
		int x1 = Math.min(w, (int) Math.ceil(b.maxX()));
		int y0 = Math.max(0, (int) Math.floor(b.y));
		int y1 = Math.min(h, (int) Math.ceil(b.maxY()));
		for (int y = y0; y < y1; y++) Arrays.fill(ink, y * w + x0, y * w + Math.max(x0, x1), 0f);
	}

	/** Follows one region's trace. */
	static Trace follow(float[] ink, float[] density, int w, int h, LeadRegion region, double mmY) {
		int xa = Math.max(0, (int) Math.floor(region.box.x));
		int xb = Math.min(w, (int) Math.ceil(region.box.maxX()));
		int n = Math.max(0, xb - xa);
		double half = region.box.height / 2;
		// search into the neighbouring rows: large complexes cross into them
		int ya = Math.max(0, (int) Math.floor(region.box.y - half));
		int yb = Math.min(h, (int) Math.ceil(region.box.maxY() + half));
		Run[][] runs = new Run[n][];
		for (int i = 0; i < n; i++) runs[i] = runs(ink, density, w, xa + i, ya, yb);

		// Viterbi over columns. A path may skip columns (a gap in the ink, or runs that all belong
		// to something else) at a small cost per column, so it never has to jump to a neighbour's trace.
		int reach = (int) Math.max(2, Math.round(1.5 * mmY));
		double[][] cost = new double[n][];
		int[][] fromColumn = new int[n][];
		int[][] fromRun = new int[n][];
		for (int i = 0; i < n; i++) {
			Run[] rs = runs[i];
			cost[i] = new double[rs.length];
			fromColumn[i] = new int[rs.length];
			fromRun[i] = new int[rs.length];
			for (int k = 0; k < rs.length; k++) {
				double emit = BASELINE_PER_MM * Math.abs(rs[k].centroid - region.baselineY) / mmY + 0.5 / (1 + rs[k]
					.mass);
				// starting here skips every column before
				double best = SKIP * i;
				int bestColumn = -1;
				int bestRun = -1;
				for (int p = Math.max(0, i - reach); p < i; p++) {
					int skipped = i - p - 1;
					Run[] ps = runs[p];
					for (int j = 0; j < ps.length; j++) {
						double c = cost[p][j] + SKIP * skipped + JUMP_PER_MM * Math.max(0, gap(ps[j], rs[k]) - skipped) /
							mmY;
						if (c < best) {
							best = c;
							bestColumn = p;
							bestRun = j;
						}
					}
				}
				cost[i][k] = best + emit;
				fromColumn[i][k] = bestColumn;
				fromRun[i][k] = bestRun;
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
		double[] ys = centreLine(chosen, density, w, xa);
		int covered = 0;
		for (double y : ys) if (!Double.isNaN(y)) covered++;
		double confidence = n == 0 ? 0 : covered / (double) n;
		return new Trace(region, xa, ys, confidence);
	}

	/** Vertical distance between two runs; 0 when they overlap or touch. */
	static int gap(Run a, Run b) {
		if (b.top > a.bottom + 1) return b.top - a.bottom - 1;
		if (a.top > b.bottom + 1) return a.top - b.bottom - 1;
		return 0;
	}

	/**
	 * The ink runs of one column within [ya, yb), strongest first, at most MAX_RUNS: found on the
	 * ink probability, measured (mass, centroid) on the ink density.
	 */
	static Run[] runs(float[] ink, float[] density, int w, int x, int ya, int yb) {
		List<Run> out = new ArrayList<>();
		int y = ya;
		while (y < yb) {
			if (ink[y * w + x] < RUN) {
				y++;
				continue;
			}
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
		if (out.size() > MAX_RUNS) {
			out.sort((a, b) -> Double.compare(b.mass, a.mass));
			out = new ArrayList<>(out.subList(0, MAX_RUNS));
		}
		return out.toArray(new Run[0]);
	}

	/**
	 * The trace centre per column. Thin runs give their ink centroid. Tall runs are steep strokes:
	 * a run whose top edge is higher than both neighbours' is an upward peak and gives its top edge
	 * plus half the pen; one reaching below both is a downward peak; otherwise the stroke passes
	 * through and the run's middle is the value at the column centre. Edges are sub-pixel (a partly
	 * covered end pixel moves the edge), which also decides between columns that look equally high.
	 */
	static double[] centreLine(Run[] chosen, float[] density, int w, int xa) {
		int n = chosen.length;
		double[] ys = new double[n];
		Arrays.fill(ys, Double.NaN);
		double pen = penWidth(chosen);
		double[] top = new double[n];
		double[] bottom = new double[n];
		Arrays.fill(top, Double.NaN);
		Arrays.fill(bottom, Double.NaN);
		int h = density.length / w;
		for (int i = 0; i < n; i++) {
			Run r = chosen[i];
			if (r == null) continue;
			int x = xa + i;
			// the pen's edge within the end pixels, from their coverage
			float above = r.top > 0 ? density[(r.top - 1) * w + x] : 0;
			float below = r.bottom + 1 < h ? density[(r.bottom + 1) * w + x] : 0;
			top[i] = r.top + (1 - density[r.top * w + x]) - above;
			bottom[i] = r.bottom + density[r.bottom * w + x] + below;
		}
		for (int i = 0; i < n; i++) {
			Run r = chosen[i];
			if (r == null) continue;
			if (bottom[i] - top[i] <= pen + 1.5) {
				ys[i] = r.centroid;
				continue;
			}
			double tl = i > 0 ? top[i - 1] : Double.NaN;
			double tr = i + 1 < n ? top[i + 1] : Double.NaN;
			double bl = i > 0 ? bottom[i - 1] : Double.NaN;
			double br = i + 1 < n ? bottom[i + 1] : Double.NaN;
			boolean peakUp = higherThan(top[i], tl, tr, -1);
			boolean peakDown = higherThan(bottom[i], bl, br, 1);
			if (peakUp && !peakDown) ys[i] = top[i] + pen / 2;
			else if (peakDown && !peakUp) ys[i] = bottom[i] - pen / 2;
			else ys[i] = (top[i] + bottom[i]) / 2;
		}
		return ys;
	}

	/**
	 * Whether edge v is the extreme of its neighbourhood (the smallest when sign is -1, the largest
	 * when +1), with at least one neighbour present; ties go to the column with the later neighbour
	 * so a flat top is claimed once.
	 */
	static boolean higherThan(double v, double left, double right, int sign) {
		if (Double.isNaN(left) && Double.isNaN(right)) return false;
		boolean beatsLeft = Double.isNaN(left) || sign * (v - left) > 0;
		boolean beatsRight = Double.isNaN(right) || sign * (v - right) >= 0;
		return beatsLeft && beatsRight;
	}

	/** The pen's thickness in pixels: the ink mass of the thinner runs (flat stretches of trace). */
	static double penWidth(Run[] chosen) {
		List<Double> masses = new ArrayList<>();
		for (Run r : chosen) if (r != null) masses.add(r.mass);
		if (masses.isEmpty()) return 1;
		masses.sort(Double::compare);
		return Math.max(1, masses.get((int) (masses.size() * 0.3)));
	}
}
