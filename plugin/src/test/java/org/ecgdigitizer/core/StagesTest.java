package org.ecgdigitizer.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.ecgdigitizer.SharedData;
import org.ecgdigitizer.core.io.ImageFiles;
import org.ecgdigitizer.core.io.Json;
import org.ecgdigitizer.core.layout.LeadLayout;
import org.ecgdigitizer.core.layout.LeadRegion;
import org.ecgdigitizer.core.preprocess.PageGeometry;
import org.ecgdigitizer.core.preprocess.PreparedPage;
import org.ecgdigitizer.core.signal.Digitization;
import org.ecgdigitizer.core.signal.LeadIdentification;
import org.junit.jupiter.api.Test;

/** The stages run one at a time, with their state passed through JSON as Fiji does, give what the engine gives. */
class StagesTest {

	@Test
	void stagesThroughJsonMatchTheEngine() {
		Path page = SharedData.require("seed-images").resolve("k01_eik_ptbxl_00002_hr-0_clean.png");
		ImageFiles.LoadedImage loaded = ImageFiles.read(page);
		EcgDigitizer engine = new EcgDigitizer(ImageFiles.asImg(loaded.image), loaded.dpi, DigitizerSettings
			.defaults(), "k01");
		engine.checkInput();
		engine.process();

		PreparedPage prepared = Stages.preprocess(ImageFiles.asImg(ImageFiles.read(page).image), loaded.dpi,
			Progress.NONE);
		// Fiji keeps the rectified pixels and the geometry as an image property
		PageGeometry geometry = PageGeometry.fromJson(Json.parse(Json.write(prepared.geometry.toJson())));
		assertEquals(Json.write(prepared.geometry.toJson()), Json.write(geometry.toJson()));
		PreparedPage rebuilt = Stages.fromRectified(prepared.rgbPixels(), geometry);
		LeadLayout layout = Stages.detectLeads(rebuilt, DigitizerSettings.defaults());
		LeadLayout throughJson = LeadLayout.fromJson(Json.parse(Json.write(layout.toJson())), geometry);
		assertEquals(Json.write(layout.toJson()), Json.write(throughJson.toJson()));
		LeadIdentification.Result traced = Stages.extractTraces(rebuilt, throughJson);
		Digitization d = Stages.digitize(traced.traces, traced.layout, DigitizerSettings.defaults(), "k01");
		for (int lead = 0; lead < 12; lead++) {
			assertArrayEquals(engine.getResult().record.channel(lead), d.record.channel(lead), 1e-9, "lead " + lead);
		}
		for (int i = 0; i < layout.regions.size(); i++) {
			LeadRegion a = engine.getLeadLayout().regions.get(i);
			assertEquals(Json.write(a.toJson(0)), Json.write(traced.layout.regions.get(i).toJson(0)));
		}
	}
}
