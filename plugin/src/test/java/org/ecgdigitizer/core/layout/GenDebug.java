package org.ecgdigitizer.core.layout;

import java.nio.file.Paths;

import org.ecgdigitizer.core.synth.PageGenerator;
import org.ecgdigitizer.core.synth.PageSpec;
import org.ecgdigitizer.core.synth.SyntheticPage;

/** Scratch: writes a generated page: out-dir stem seed layout [nopulse] [border]. */
public final class GenDebug {
	public static void main(String[] a) throws Exception {
		long seed = Long.parseLong(a[2]);
		PageSpec spec = PageSpec.defaults().withLayout(a[3]);
		for (int i = 4; i < a.length; i++) {
			if (a[i].equals("nopulse")) spec = spec.withPulses(false);
			if (a[i].equals("border")) spec = spec.withBorder(true);
			if (a[i].equals("nolabels")) spec = spec.withLabels(false);
		}
		org.ecgdigitizer.core.signal.EcgRecord record = PageGenerator.synthesize(seed, 500, "layout" + seed);
		for (int i = 4; i < a.length; i++) {
			if (a[i].startsWith("hr=")) record = org.ecgdigitizer.core.synth.EcgSynthesizer.synthesize(
				org.ecgdigitizer.core.synth.EcgSynthesizer.Params.random(seed).heartRateBpm(Double.parseDouble(a[i]
					.substring(3))), 500, 10, "timing");
		}
		SyntheticPage page = PageGenerator.render(record, spec, seed);
		page.write(Paths.get(a[0]), a[1]);
	}
}
