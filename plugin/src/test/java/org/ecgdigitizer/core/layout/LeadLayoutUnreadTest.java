package org.ecgdigitizer.core.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.ecgdigitizer.core.Box;
import org.ecgdigitizer.core.io.Json;
import org.ecgdigitizer.core.preprocess.PageGeometry;
import org.ecgdigitizer.core.preprocess.Rectifier;
import org.ecgdigitizer.core.signal.Lead;
import org.junit.jupiter.api.Test;

/** Segments whose names were not read travel with the layout until the signals name them. */
class LeadLayoutUnreadTest {

	@Test
	void unreadSegmentsAreKeptThroughCopiesAndJsonAndTracedAfterTheNamedOnes() {
		PageGeometry g = new PageGeometry(8, 8, PageGeometry.ScaleSource.GRID, 0, PageGeometry.AngleSource.GRID,
			Rectifier.Warp.rotation(0, 2200, 1700), 1, null, Double.NaN);
		LeadRegion named = region(Lead.V1, 0);
		LeadRegion unread = region(Lead.I, 1); // placeholder lead: the name was not read
		LeadLayout layout = new LeadLayout(PageLayout.parse("rows:V1;?"), "detected", List.of(named), 25, "pulse", 10,
			"pulse", 10, 100, 2100, List.of(), "labels", g, List.of(), List.of(), LayoutEvidence.NONE, List.of(unread));
		LeadLayout copied = layout.withGeometry(g.withScale(7.9, 7.9, PageGeometry.ScaleSource.PDF), List.of("note"));
		assertEquals(1, copied.unread.size());
		LeadLayout throughJson = LeadLayout.fromJson(Json.parse(Json.write(copied.toJson())), copied.geometry);
		assertEquals(Json.write(copied.toJson()), Json.write(throughJson.toJson()));
		LeadLayout traced = throughJson.withUnreadTraced();
		assertEquals(2, traced.regions.size());
		assertEquals(1, traced.regions.get(1).row);
		assertEquals(0, traced.unread.size());
	}

	private static LeadRegion region(Lead lead, int row) {
		return new LeadRegion(lead, false, row, 0, false, 0, 10, new Box(100, 100 + 150 * row, 2000, 140), 170 + 150 *
			row, null, 1);
	}
}
