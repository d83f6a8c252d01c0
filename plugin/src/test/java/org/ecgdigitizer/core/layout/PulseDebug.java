package org.ecgdigitizer.core.layout;

import java.nio.file.Paths;

import org.ecgdigitizer.core.Progress;
import org.ecgdigitizer.core.Stages;
import org.ecgdigitizer.core.io.ImageFiles;
import org.ecgdigitizer.core.preprocess.PreparedPage;

/** Scratch: the pulse finder on the track nearest a given image row. */
public final class PulseDebug {
	public static void main(String[] args) {
		ImageFiles.LoadedImage loaded = ImageFiles.read(Paths.get(args[0]));
		PreparedPage page = Stages.preprocess(ImageFiles.asImg(loaded.image), loaded.dpi, Progress.NONE);
		PageInk ink = PageInk.of(page);
		for (CalibrationPulse p : PulseFinder.scan(ink)) System.out.println("scan " + p + " foot " + p.footY);
		if (args.length < 2) return;
		double want = Double.parseDouble(args[1]);
		TraceRow best = null;
		for (TraceRow t : RowFinder.tracks(ink)) if (best == null || Math.abs(t.baseline - want) < Math.abs(best.baseline - want)) best = t;
		RowFinder.extent(best, ink);
		System.out.println(best + " line at start " + best.lineAt(best.start) + " profile " + java.util.Arrays.toString(best.profile));
		int base = (int) Math.round(best.lineAt(best.start));
		for (int x = Math.max(0, best.start - 60); x < best.start + 20; x++) {
			int[] run = ink.verticalRunThrough(x, base, (int) Math.ceil(1.5 * ink.mmY));
			System.out.print(x + ":" + (run == null ? "-" : run[0] + "-" + run[1]) + " ");
		}
		System.out.println();
		System.out.println(PulseFinder.onBaseline(best, 0, Double.NaN, ink) + " / " + PulseFinder.inBand(best, 0, Double.NaN, ink));
	}
}
