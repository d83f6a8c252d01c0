package org.ecgdigitizer.core.layout;

import java.nio.file.Paths;
import java.util.List;

import org.ecgdigitizer.core.Progress;
import org.ecgdigitizer.core.Stages;
import org.ecgdigitizer.core.io.ImageFiles;
import org.ecgdigitizer.core.preprocess.PreparedPage;

/** Scratch: what the row finder sees on one page. */
public final class RowDebug {
	public static void main(String[] args) {
		ImageFiles.LoadedImage loaded = ImageFiles.read(Paths.get(args[0]));
		PreparedPage page = Stages.preprocess(ImageFiles.asImg(loaded.image), loaded.dpi, Progress.NONE);
		System.out.println(page.geometry.pxPerMmX + " " + page.width() + "x" + page.height());
		PageInk ink = PageInk.of(page);
		List<TraceRow> bands = RowFinder.tracks(ink);
		for (TraceRow r : bands) RowFinder.extent(r, ink);
		for (TraceRow r : bands) System.out.println("band " + r + " pulse=" + RowFinder.startsWithPulse(r, Double.NaN, ink) + " exc=" + RowFinder.hasExcursions(r, ink) + " straight=" + RowFinder.straight(r, ink) + " online=" + String.format("%.2f", RowFinder.onLine(r, ink)) + " x=" + r.runStart + ".." + r.runEnd);
		for (TraceRow r : RowFinder.find(ink)) System.out.println("row " + r);
	}
}
