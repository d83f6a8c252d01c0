package org.ecgdigitizer.core.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

import org.ecgdigitizer.core.DigitizerSettings;
import org.ecgdigitizer.core.EcgDigitizer;
import org.ecgdigitizer.core.io.DigitizationFiles;
import org.ecgdigitizer.core.io.ImageFiles;
import org.ecgdigitizer.core.io.Json;
import org.ecgdigitizer.core.preprocess.PageGeometry;
import org.junit.jupiter.api.Test;

/**
 * The record says which ink model separated the page: with the default (auto), the one it chose,
 * so that a user can tell why two pages of one run were read differently.
 */
class InkModelReportTest {

	private static Map<String, Object> geometryJson(Path image, DigitizerSettings settings) throws IOException {
		ImageFiles.LoadedImage loaded = ImageFiles.read(image);
		EcgDigitizer d = new EcgDigitizer(ImageFiles.asImg(loaded.image), loaded.dpi, settings, "page");
		assertTrue(d.process(), d.getErrorMessage());
		Map<String, Object> json = Json.object(Json.parse(DigitizationFiles.json(d.getResult(), Map.of())));
		Map<String, Object> geometry = Json.object(json.get("geometry"));
		// what Fiji keeps between stages reads it back
		assertEquals(geometry.get("ink_model"), PageGeometry.fromJson(geometry).inkModel);
		assertEquals(d.getPreparedPage().geometry.inkModel, geometry.get("ink_model"));
		return geometry;
	}

	@Test
	void autoSaysItChoseTheClassifierForAPhotoAndTheRulesForAScan() throws IOException {
		Map<String, Object> photo = geometryJson(Paths.get("sample-data", "photo", "ecg-103.png"), DigitizerSettings
			.defaults());
		// the photo's grid is too faint to read, which is when auto calls the classifier
		assertEquals(null, photo.get("grid"));
		assertEquals("learned", photo.get("ink_model"));
		Map<String, Object> scan = geometryJson(Paths.get("sample-data", "clean-3x4+1", "ecg-101.png"), DigitizerSettings
			.defaults());
		assertEquals("rules", scan.get("ink_model"));
	}

	@Test
	void theInkAskedForIsTheInkReported() throws IOException {
		Map<String, Object> photo = geometryJson(Paths.get("sample-data", "photo", "ecg-103.png"), DigitizerSettings
			.defaults().withInk(InkSources.parse("rules")));
		assertEquals("rules", photo.get("ink_model"));
	}
}
