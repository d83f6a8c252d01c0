package org.ecgdigitizer.core.layout;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;

import org.ecgdigitizer.core.DigitizerSettings;
import org.ecgdigitizer.core.Progress;
import org.ecgdigitizer.core.Stages;
import org.ecgdigitizer.core.io.ImageFiles;
import org.ecgdigitizer.core.preprocess.PreparedPage;
import org.ecgdigitizer.core.synth.PageGenerator;
import org.ecgdigitizer.core.synth.PageSpec;
import org.ecgdigitizer.core.synth.SyntheticPage;

/**
 * The column timing evidence ({@link ColumnTimingChooser}) on generated pages of both timings and
 * on ecg-image-kit pages. Not a test: run it after {@code mvn test-compile} with
 * {@code java -cp plugin/target/classes:plugin/target/test-classes:<dependencies>
 * org.ecgdigitizer.core.layout.TimingReport [pages per layout] [eik-dev condition folders...]}.
 */
public final class TimingReport {

	static final String[] LAYOUTS = { "6x2", "6x2+1", "6x2/same-window", "6x2+1/same-window", "3x4+1" };

	private TimingReport() {}

	public static void main(String[] args) {
		System.setProperty("java.awt.headless", "true");
		int pages = args.length > 0 ? Integer.parseInt(args[0]) : 5;
		int right = 0;
		int total = 0;
		for (String spec : LAYOUTS) {
			for (int seed = 1; seed <= pages; seed++) {
				SyntheticPage page = PageGenerator.render(PageGenerator.synthesize(seed, 500, "timing" + seed), PageSpec
					.defaults().withLayout(spec), seed);
				LeadLayout found = Stages.detectLeads(Stages.preprocess(page.img(), Double.NaN, Progress.NONE),
					DigitizerSettings.defaults());
				boolean ok = found.layout.timing() == PageLayout.parse(spec).timing();
				if (ok) right++;
				total++;
				print(spec + " #" + seed, ok, found);
			}
		}
		if (pages > 0) System.out.printf(Locale.ROOT, "synthetic: timing right on %d of %d pages%n", right, total);
		for (int i = 1; i < args.length; i++) {
			Path folder = Paths.get(args[i]);
			for (EikPage truth : EikPage.all(folder.getParent())) {
				if (!truth.condition.equals(folder.getFileName().toString())) continue;
				ImageFiles.LoadedImage loaded = ImageFiles.read(truth.image);
				PreparedPage page = Stages.preprocess(ImageFiles.asImg(loaded.image), loaded.dpi, Progress.NONE);
				LeadLayout found = Stages.detectLeads(page, DigitizerSettings.defaults());
				boolean same = truth.columns == 2;
				print(truth.name(), (found.layout.timing() == PageLayout.ColumnTiming.SAME_WINDOW) == same, found);
			}
		}
	}

	private static void print(String name, boolean ok, LeadLayout found) {
		LayoutEvidence.Timing t = found.evidence.timing;
		System.out.printf(Locale.ROOT, "%-28s %s %-36s %s%n", name, ok ? "OK " : "BAD", found.layout.spec(), t == null ?
			"-" : t.assumed.id + " (" + t.source + "): " + t.why);
	}
}
