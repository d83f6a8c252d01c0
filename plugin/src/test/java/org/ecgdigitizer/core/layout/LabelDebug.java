package org.ecgdigitizer.core.layout;

import java.nio.file.Paths;
import java.util.List;

import org.ecgdigitizer.core.DigitizerSettings;
import org.ecgdigitizer.core.Progress;
import org.ecgdigitizer.core.Stages;
import org.ecgdigitizer.core.io.ImageFiles;
import org.ecgdigitizer.core.preprocess.PreparedPage;

/** Scratch: every label candidate of every region of a page, with what the reader made of it. */
public final class LabelDebug {
	public static void main(String[] args) {
		ImageFiles.LoadedImage loaded = ImageFiles.read(Paths.get(args[0]));
		PreparedPage page = Stages.preprocess(ImageFiles.asImg(loaded.image), loaded.dpi, Progress.NONE);
		LeadLayout layout = LeadDetector.detect(page, DigitizerSettings.parse(500, args.length > 1 ? args[1] : "auto", "auto", "auto"));
		List<List<LabelFinder.Label>> candidates = LeadDetector.labelCandidates(page, layout);
		List<List<LabelReader.Reading>> readings = LabelReader.readAll(page, candidates);
		for (int i = 0; i < layout.regions.size(); i++) {
			LeadRegion r = layout.regions.get(i);
			System.out.println(r.label() + " r" + r.row + "c" + r.column + " base " + Math.round(r.baselineY) + " box " + r.box);
			for (LabelReader.Reading rd : readings.get(i)) System.out.println("    " + rd.candidate + " " + rd);
		}
	}
}
