package org.ecgdigitizer.core.layout;

import java.util.Locale;

import org.ecgdigitizer.core.DigitizerSettings;
import org.ecgdigitizer.core.Progress;
import org.ecgdigitizer.core.Stages;
import org.ecgdigitizer.core.preprocess.PreparedPage;
import org.ecgdigitizer.core.signal.EcgRecord;
import org.ecgdigitizer.core.synth.GroundTruth;
import org.ecgdigitizer.core.synth.PageGenerator;
import org.ecgdigitizer.core.synth.PageSpec;
import org.ecgdigitizer.core.synth.SyntheticPage;

/**
 * Measures label reading on synthetic pages of every layout: the fraction of regions whose read
 * label equals the printed one, the regions read wrongly, and how many pages were named by their
 * labels. Not a test: run it after {@code mvn test-compile} with
 * {@code java -cp target/classes:target/test-classes:<dependencies> org.ecgdigitizer.core.layout.LabelAccuracy [pages] [distortions]}.
 */
public final class LabelAccuracy {

	static final String[] LAYOUTS = { "3x4", "3x4+1", "3x4+3", "6x2", "12x1", "3x4/cabrera", "6x2/cabrera",
		"12x1/cabrera" };

	private LabelAccuracy() {}

	public static void main(String[] args) {
		System.setProperty("java.awt.headless", "true");
		int pages = args.length > 0 ? Integer.parseInt(args[0]) : 3;
		String distortions = args.length > 1 ? args[1] : "none";
		System.out.println("layout\tregions\tread_right\tread_wrong\tunread\tpages_labels\tpages_right_order");
		int allRegions = 0;
		int allRight = 0;
		int allWrong = 0;
		for (String layout : LAYOUTS) {
			int regions = 0;
			int right = 0;
			int wrong = 0;
			int byLabels = 0;
			int rightOrder = 0;
			for (int p = 0; p < pages; p++) {
				long seed = 1000 + p;
				EcgRecord record = PageGenerator.synthesize(seed, 500, "acc" + p);
				PageSpec spec = PageSpec.defaults().withLayout(layout).withDpi(new int[] { 150, 200, 300 }[p % 3])
					.withDistortions(distortions);
				SyntheticPage page = PageGenerator.render(record, spec, seed);
				PreparedPage prepared = Stages.preprocess(page.img(), Double.NaN, Progress.NONE);
				LeadLayout found;
				try {
					found = Stages.detectLeads(prepared, DigitizerSettings.defaults());
				}
				catch (RuntimeException e) {
					System.out.println(layout + " page " + p + ": " + e.getMessage());
					continue;
				}
				if ("labels".equals(found.namingSource)) byLabels++;
				if (System.getProperty("verbose") != null) {
					java.util.List<java.util.List<LabelReader.Reading>> rd = LabelReader.readAll(prepared, LeadDetector
						.labelCandidates(prepared, found));
					for (int i = 0; i < found.regions.size(); i++) {
						System.out.println("    " + layout + " p" + p + " " + found.regions.get(i).label() + " " + rd.get(i));
					}
				}
				if (found.layout.isCabrera() == layout.endsWith("/cabrera")) rightOrder++;
				GroundTruth truth = page.truth();
				for (GroundTruth.Segment s : truth.segments) {
					regions++;
					LeadRegion r = at(found, s.region);
					if (r == null || r.labelText == null) continue;
					if (r.labelText.equals(s.region.label())) right++;
					else {
						wrong++;
						System.out.println(String.format(Locale.ROOT, "  %s page %d row %d col %d: read %s, printed %s",
							layout, p, s.region.row, s.region.column, r.labelText, s.region.label()));
					}
				}
			}
			allRegions += regions;
			allRight += right;
			allWrong += wrong;
			System.out.println(String.format(Locale.ROOT, "%s\t%d\t%d (%.1f%%)\t%d\t%d\t%d/%d\t%d/%d", layout, regions, right,
				100.0 * right / regions, wrong, regions - right - wrong, byLabels, pages, rightOrder, pages));
		}
		System.out.println(String.format(Locale.ROOT, "all\t%d\t%d (%.1f%%)\t%d", allRegions, allRight, 100.0 * allRight /
			allRegions, allWrong));
	}

	/** The detected region at the printed one's place (same row, overlapping in time). */
	static LeadRegion at(LeadLayout layout, LeadRegion printed) {
		for (LeadRegion r : layout.regions) {
			if (r.row == printed.row && r.rhythm == printed.rhythm && Math.abs((r.startSeconds + r.endSeconds) / 2 -
				(printed.startSeconds + printed.endSeconds) / 2) < 0.5)
			{
				return r;
			}
		}
		return null;
	}
}
