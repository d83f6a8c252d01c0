package org.ecgdigitizer.core.layout;

import java.util.ArrayList;
import java.util.List;

import org.ecgdigitizer.core.preprocess.Bits;
import org.ecgdigitizer.core.preprocess.PreparedPage;

/**
 * A page's ink as lead detection reads it ({@link PageInk}) and its rows of traces as the row
 * finder first finds them, bands and extents set. The upside-down check reads the page this way
 * up and turned, and lead detection then reads the chosen page the same way: found once, for the
 * page's ink plane at its scale, and every asker gets rows of its own to fill in.
 */
final class InkRows {

	final PageInk ink;
	private final List<TraceRow> rows;
	/** The scale the ink was read at, as the page's geometry gave it (NaN when unknown). */
	private final double pxPerMmX;
	private final double pxPerMmY;

	/** @param inked the page's pixels above the mask's threshold ({@link PageInk#inked}); rules are erased from them */
	private InkRows(PreparedPage page, Bits inked) {
		pxPerMmX = page.geometry.pxPerMmX;
		pxPerMmY = page.geometry.pxPerMmY;
		ink = PageInk.of(inked, pxPerMmX, pxPerMmY);
		rows = RowFinder.find(ink);
		RowFinder.setBands(rows, ink.h, ink.mmY);
		for (TraceRow r : rows) RowFinder.extent(r, ink);
	}

	/** The page's ink and rows: those already found for its ink plane when they were found at its scale. */
	static InkRows of(PreparedPage page) {
		InkRows known = page.fromInk(InkRows.class, p -> new InkRows(p, PageInk.inked(p)));
		return known.readAt(page) ? known : new InkRows(page, PageInk.inked(page));
	}

	/**
	 * A page's ink and rows and those of the page turned half-way round ({@link
	 * PreparedPage#turnedHalf}), each kept with its page as {@link #of} keeps them: the ink plane
	 * is thresholded once, and the turned page's pixels are the page's turned, not thresholded
	 * again. {upright, turned}.
	 */
	static InkRows[] bothWays(PreparedPage page, PreparedPage turned) {
		Bits inked = PageInk.inked(page);
		// turned before the page's own rules are erased from its bits
		Bits turnedInked = inked.turned();
		return new InkRows[] { of(page, inked), of(turned, turnedInked) };
	}

	/** As {@link #of(PreparedPage)}, from the page's pixels above the threshold when they are to be read. */
	private static InkRows of(PreparedPage page, Bits inked) {
		InkRows known = page.fromInk(InkRows.class, p -> new InkRows(p, inked));
		return known.readAt(page) ? known : new InkRows(page, PageInk.inked(page));
	}

	/** True when this was found at the page's scale on each axis (its ink plane is the page's). */
	private boolean readAt(PreparedPage page) {
		return Double.compare(pxPerMmX, page.geometry.pxPerMmX) == 0 && Double.compare(pxPerMmY,
			page.geometry.pxPerMmY) == 0 && ink.w == page.width() && ink.h == page.height();
	}

	/** The rows as first found, copies the asker may fill in. */
	List<TraceRow> rows() {
		List<TraceRow> out = new ArrayList<>();
		for (TraceRow r : rows) out.add(r.copy());
		return out;
	}
}
