package org.ecgdigitizer.core.layout;

import java.nio.file.Paths;
import java.util.List;

import org.ecgdigitizer.core.Box;
import org.ecgdigitizer.core.DigitizerSettings;
import org.ecgdigitizer.core.Progress;
import org.ecgdigitizer.core.Stages;
import org.ecgdigitizer.core.io.ImageFiles;
import org.ecgdigitizer.core.preprocess.PreparedPage;

/** Scratch: ticks at the candidate fractions of each row, with their extent about the row's line. */
public final class TickDebug {
	public static void main(String[] args) {
		ImageFiles.LoadedImage loaded = ImageFiles.read(Paths.get(args[0]));
		PreparedPage page = Stages.preprocess(ImageFiles.asImg(loaded.image), loaded.dpi, Progress.NONE);
		PageInk ink = PageInk.of(page);
		List<TraceRow> rows = RowFinder.find(ink);
		RowFinder.setBands(rows, ink.h, ink.mmY);
		for (TraceRow r : rows) RowFinder.extent(r, ink);
		PulseFinder.findAll(rows, ink);
		PageCalibration cal = PageCalibration.of(page.geometry, rows, ink.w, DigitizerSettings.defaults(), new java.util.ArrayList<>());
		for (int i = 0; i < rows.size(); i++) {
			TraceRow r = rows.get(i);
			for (double f : LayoutChooser.FRACTIONS) {
				double x = cal.x0 + (cal.x1 - cal.x0) * f;
				Box t = SeparatorFinder.tick(r, ink, x);
				if (t == null) continue;
				double line = r.lineAt(x);
				System.out.printf("row %d f %.2f tick x %.0f w %.0f up %.1f down %.1f mm (line %.0f, foot %s)%n", i, f, t.x, t.width, (line - t.y) / ink.mmY, (t.maxY() - line) / ink.mmY, line, r.pulse == null ? "-" : String.format("%.0f", r.pulse.footY));
			}
		}
	}
}
