package org.ecgdigitizer.core.eval;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

import org.ecgdigitizer.core.DigitizerSettings;
import org.ecgdigitizer.core.EcgDigitizer;
import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.StageTimes;
import org.ecgdigitizer.core.io.ImageFiles;
import org.ecgdigitizer.core.io.Json;
import org.ecgdigitizer.core.io.Overlays;
import org.ecgdigitizer.core.preprocess.PreparedPage;
import org.ecgdigitizer.core.signal.Digitization;
import org.ecgdigitizer.core.signal.EcgRecord;

/**
 * What the benchmark runs on each page: the real digitizer, or the flat baseline that shows the
 * harness works and is the floor any digitizer must beat.
 */
public abstract class BenchmarkDigitizer {

	/** What digitizing one page gave. */
	public static final class Outcome {
		/** The prediction, or null when the digitizer refused the page. */
		public final EcgRecord record;
		/** The real digitizer's full result (layout, traces, diagnostics); null for the baseline or a refusal. */
		public final Digitization digitization;
		/** Why the page was refused, or null. */
		public final String failure;
		/** Draws the review image (the overlay, or the rectified page of a refusal); null when there is none. */
		public final Supplier<BufferedImage> review;
		/** CPU seconds per stage; null for the baseline. */
		public final StageTimes stages;

		Outcome(EcgRecord record, Digitization digitization, String failure, Supplier<BufferedImage> review) {
			this(record, digitization, failure, review, null);
		}

		Outcome(EcgRecord record, Digitization digitization, String failure, Supplier<BufferedImage> review,
			StageTimes stages)
		{
			this.record = record;
			this.digitization = digitization;
			this.failure = failure;
			this.review = review;
			this.stages = stages;
		}

		/** What the digitizer read from the page ("3x4+1, 10 mm/mV, 25 mm/s, 7.87 px/mm"), "" if nothing. */
		public String detected() {
			if (digitization == null) return "";
			return String.format(Locale.ROOT, "%s, %s mm/mV, %s mm/s, %.2f px/mm", digitization.layout.layout.spec(),
				Json.number(digitization.layout.gainMmPerMv), Json.number(digitization.layout.speedMmPerS),
				digitization.layout.geometry.pxPerMmX);
		}
	}

	/** "real" or "flat", as the command line names it. */
	public abstract String name();

	/**
	 * Digitizes one page at the reference's sampling frequency. A refusal is an outcome with a
	 * failure; anything thrown is a crash, which the benchmark records as a failure too.
	 */
	public abstract Outcome digitize(BenchmarkPage page);

	/**
	 * The real digitizer as a user runs it: everything detected (layout, gain, speed, scale) but what
	 * the page's settings fix.
	 */
	public static BenchmarkDigitizer real() {
		return real(null);
	}

	/** The real digitizer with an ink model: rules, learned, auto or a .model path (null: the default). */
	public static BenchmarkDigitizer real(String ink) {
		DigitizerSettings checked = DigitizerSettings.parse(500, "auto", "auto", "auto", ink);
		return new BenchmarkDigitizer() {
			@Override
			public String name() {
				return ink == null ? "real" : "real, ink " + checked.inkSpec;
			}

			@Override
			public Outcome digitize(BenchmarkPage page) {
				DigitizerSettings settings = page.settings.digitizerSettings(page.reference.samplingFrequency()).withInk(
					checked.ink());
				EcgDigitizer digitizer = new EcgDigitizer(ImageFiles.asImg(page.image), page.dpi, settings, page.name);
				if (!digitizer.checkInput() || !digitizer.process()) {
					PreparedPage prepared = digitizer.getPreparedPage();
					return new Outcome(null, null, digitizer.getErrorMessage(), prepared == null ? null
						: () -> ImageFiles.asBufferedImage(prepared.rectified()), digitizer.getStageTimes());
				}
				Digitization d = digitizer.getResult();
				PreparedPage prepared = digitizer.getPreparedPage();
				return new Outcome(d.record, d, null, () -> Overlays.render(ImageFiles.asBufferedImage(prepared
					.rectified()), d.layout, d.traces), digitizer.getStageTimes());
			}
		};
	}

	/**
	 * The trivial baseline: every lead flat at 0 mV wherever the reference is plotted (it reads only
	 * the reference's mask, never the image). It scores about 0 dB.
	 */
	public static BenchmarkDigitizer flat() {
		return new BenchmarkDigitizer() {
			@Override
			public String name() {
				return "flat";
			}

			@Override
			public Outcome digitize(BenchmarkPage page) {
				EcgRecord ref = page.reference;
				double[][] samples = new double[ref.leadCount()][ref.length()];
				for (int c = 0; c < samples.length; c++) {
					double[] r = ref.channel(c);
					Arrays.fill(samples[c], Double.NaN);
					for (int i = 0; i < r.length; i++) if (Double.isFinite(r[i])) samples[c][i] = 0;
				}
				return new Outcome(new EcgRecord(page.name, ref.samplingFrequency(), ref.leadNames(), samples), null, null,
					null);
			}
		};
	}

	/** "real" or "flat". */
	public static BenchmarkDigitizer named(String name) {
		return named(name, null);
	}

	/** "real" (with an ink model, null for the default) or "flat". */
	public static BenchmarkDigitizer named(String name, String ink) {
		switch (name.trim().toLowerCase(Locale.ROOT)) {
			case "real":
				return real(ink);
			case "flat":
				return flat();
			default:
				throw new EcgException("Unknown digitizer '" + name + "': use 'real' or 'flat' (the 0 dB baseline)");
		}
	}
}
