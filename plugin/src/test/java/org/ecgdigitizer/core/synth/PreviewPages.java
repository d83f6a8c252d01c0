package org.ecgdigitizer.core.synth;

import java.nio.file.Path;
import java.nio.file.Paths;

import org.ecgdigitizer.core.signal.EcgRecord;

/** Writes preview pages for looking at: run with the output folder and distortion specs as arguments. */
public final class PreviewPages {

	public static void main(String[] args) throws Exception {
		Path out = Paths.get(args[0]);
		String layout = args.length > 2 ? args[2] : "3x4+1";
		String distort = args.length > 1 ? args[1] : "none";
		long seed = args.length > 3 ? Long.parseLong(args[3]) : 7;
		EcgRecord rec = TestRecords.twelveLead(seed, 500, 10);
		PageSpec spec = PageSpec.defaults().withLayout(layout).withDistortions(distort);
		long t = System.nanoTime();
		SyntheticPage page = PageGenerator.render(rec, spec, seed);
		System.out.printf("render %.3f s%n", (System.nanoTime() - t) / 1e9);
		page.write(out, "p-" + layout.replaceAll("[^A-Za-z0-9]", "_") + "-" + distort.replaceAll("[^A-Za-z0-9]", "_"));
	}
}
