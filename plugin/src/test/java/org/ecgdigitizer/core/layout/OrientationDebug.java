package org.ecgdigitizer.core.layout;

import java.nio.file.Paths;

import org.ecgdigitizer.core.Progress;
import org.ecgdigitizer.core.io.ImageFiles;
import org.ecgdigitizer.core.io.Json;
import org.ecgdigitizer.core.preprocess.PreparedPage;
import org.ecgdigitizer.core.preprocess.Preprocessor;

/** Scratch: the orientation evidence of pages. */
public final class OrientationDebug {
	public static void main(String[] args) {
		for (String a : args) {
			ImageFiles.LoadedImage loaded = ImageFiles.read(Paths.get(a));
			PreparedPage page = Preprocessor.run(ImageFiles.asImg(loaded.image), loaded.dpi, Progress.NONE);
			if (System.getProperty("rows") != null) {
				for (PreparedPage pg : new PreparedPage[] { page, page.turnedHalf() }) {
					PageOrientation.Look look = new PageOrientation.Look(pg);
					System.out.println("rows " + look.rows);
					System.out.println("pulses " + PulseFinder.rowStarts(look.rows, look.ink));
				}
			}
			long t = System.nanoTime();
			PageOrientation.Evidence e = PageOrientation.decide(page);
			System.out.printf("%s %.2fs %s%n", a, (System.nanoTime() - t) / 1e9, Json.writeCompact(e.toJson()));
		}
	}
}
