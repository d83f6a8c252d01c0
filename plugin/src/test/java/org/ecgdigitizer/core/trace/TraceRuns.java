package org.ecgdigitizer.core.trace;

import java.nio.file.Path;
import java.util.Locale;

import org.ecgdigitizer.core.DigitizerSettings;
import org.ecgdigitizer.core.EcgDigitizer;
import org.ecgdigitizer.core.io.ImageFiles;
import org.ecgdigitizer.core.layout.LeadRegion;
import org.ecgdigitizer.core.preprocess.PreparedPage;

/**
 * A diagnostic harness, not a test: digitizes one page and prints, for one lead and a range of
 * page columns, every ink run the path could take (rows, mass), the run it took and the column's
 * value, on the page's planes cleared as {@link TraceExtractor#extract} clears them.
 *
 * <pre>
 * java -cp plugin/target/test-classes:target/ecg-digitizer.jar org.ecgdigitizer.core.trace.TraceRuns \
 *     PAGE.png LEAD FROM_X TO_X
 * </pre>
 */
public final class TraceRuns {

	private TraceRuns() {}

	public static void main(String[] args) throws Exception {
		if (args.length != 4) {
			System.err.println("usage: TraceRuns PAGE.png LEAD FROM_X TO_X");
			System.exit(2);
		}
		ImageFiles.LoadedImage loaded = ImageFiles.read(Path.of(args[0]));
		EcgDigitizer d = new EcgDigitizer(ImageFiles.asImg(loaded.image), loaded.dpi, DigitizerSettings.defaults(),
			"page");
		if (!d.checkInput() || !d.process()) {
			System.err.println("not digitized: " + d.getErrorMessage());
			System.exit(1);
		}
		PreparedPage page = d.getPreparedPage();
		double mmY = d.getLeadLayout().geometry.pxPerMmY;
		float[] ink = page.inkPixels().clone();
		float[] density = page.densityPixels().clone();
		int w = page.width();
		int h = page.height();
		// the planes as extract clears them: pulses, separator ticks, labels, names over the trace
		var layout = d.getLeadLayout();
		for (var p : layout.pulses) TraceExtractor.clear(p.box.grow(2, 2), w, h, ink, density);
		for (var tick : layout.separators) TraceExtractor.clear(tick, w, h, ink, density);
		for (LeadRegion r : layout.regions) {
			if (r.labelBox != null) TraceExtractor.clear(r.labelBox.grow(1, 1), w, h, ink, density);
			if (r.nameOverTrace != null) NameOverTrace.takeOut(r.nameOverTrace, ink, w, h, TraceExtractor.STEEP_MM * mmY,
				ink, density);
		}
		int from = Integer.parseInt(args[2]);
		int to = Integer.parseInt(args[3]);
		for (LeadRegion region : d.getLeadLayout().regions) {
			if (!region.lead.toString().equals(args[1])) continue;
			int xa = Math.max(0, (int) Math.floor(region.box.x));
			int n = Math.min(w, (int) Math.ceil(region.box.maxX())) - xa;
			double half = region.box.height / 2;
			int ya = Math.max(0, (int) Math.floor(region.box.y - half));
			int yb = Math.min(h, (int) Math.ceil(region.box.maxY() + half));
			System.out.printf(Locale.ROOT, "%s%s: box %s, baseline %.1f, search band %d-%d, %.2f px/mm%n", region.lead,
				region.rhythm ? " (rhythm)" : "", region.box, region.baselineY, ya, yb - 1, mmY);
			int crossing = (int) Math.max(2, Math.round(TraceExtractor.GRID_LINE_MM * mmY));
			var starts = TraceExtractor.starts(ink, w, h);
			double rest = TraceExtractor.restingLevel(TraceExtractor.follow(ink, density, starts, w, h, region, mmY).ys,
				mmY);
			System.out.printf(Locale.ROOT, "resting level of the first path %.1f (the digitizer moves the baseline there "
				+ "when it is more than %.0f mm away)%n", rest, TraceExtractor.REST_MOVES_MM);
			TraceExtractor.Run[][] runs = new TraceExtractor.Run[n][];
			for (int i = 0; i < n; i++) runs[i] = TraceExtractor.runs(ink, density, starts, w, xa + i, ya, yb, crossing);
			TraceExtractor.Run[] chosen = TraceExtractor.path(runs, region.baselineY, mmY, TraceExtractor.FaintInk
				.forPage(density, w, xa, crossing, mmY), NameOverTrace.hidden(region.nameOverTrace, xa, runs));
			double[] ys = TraceExtractor.centreLine(chosen, density, w, xa)[0];
			for (int x = Math.max(from, xa); x < Math.min(to, xa + n); x++) {
				int i = x - xa;
				StringBuilder all = new StringBuilder();
				for (TraceExtractor.Run r : runs[i]) {
					all.append(String.format(Locale.ROOT, " [%d-%d %.1f]", r.top, r.bottom, r.mass));
				}
				TraceExtractor.Run c = chosen[i];
				System.out.printf(Locale.ROOT, "x=%d took %s value %.1f |%s%n", x, c == null ? "-" : c.top + "-" +
					c.bottom, ys[i], all);
			}
		}
	}
}
