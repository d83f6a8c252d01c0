package org.ecgdigitizer.core.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.io.ImageFiles;
import org.ecgdigitizer.core.signal.EcgRecord;
import org.ecgdigitizer.core.synth.EcgSynthesizer;
import org.ecgdigitizer.core.synth.PageGenerator;
import org.ecgdigitizer.core.synth.PageSpec;
import org.ecgdigitizer.core.synth.SyntheticPage;

/**
 * The synthetic benchmark: a fixed list of conditions, each a way of printing or degrading a page,
 * with N seeded pages each.
 *
 * <p>Page i of every condition shows the same synthetic 12-lead signal (its seed depends only on
 * the matrix seed and i), so conditions differ by what they test, not by their signals. Within a
 * condition, what does not define it varies from page to page, drawn from a seed of its own:
 * grid colour, paper size, pen width and colour, separators and the header line. The
 * distortions' own random parameters (the rotation angle, where a crease runs) come from the same
 * page seed.</p>
 */
public final class BenchmarkMatrix {

	/** Sampling frequency and duration of the synthetic signals. */
	public static final double SAMPLING_FREQUENCY = 500;
	public static final double SIGNAL_SECONDS = 10;

	private static final PageSpec.GridColor[] GRID_COLOURS = { PageSpec.GridColor.RED, PageSpec.GridColor.PINK,
		PageSpec.GridColor.ORANGE, PageSpec.GridColor.GREEN, PageSpec.GridColor.BLUE, PageSpec.GridColor.GREY };

	private static final class Definition {
		final String name;
		final String description;
		final UnaryOperator<PageSpec> spec;

		Definition(String name, String description, UnaryOperator<PageSpec> spec) {
			this.name = name;
			this.description = description;
			this.spec = spec;
		}
	}

	private static final List<Definition> DEFINITIONS = List.of(
		new Definition("clean", "3x4 + rhythm II, 200 dpi, 25 mm/s, 10 mm/mV, line grid, no distortion", s -> s),
		new Definition("dpi100", "as clean, at 100 dpi", s -> s.withDpi(100)),
		new Definition("dpi300", "as clean, at 300 dpi", s -> s.withDpi(300)),
		new Definition("rotation", "rotated by a random angle within +-5 degrees", s -> s.withDistortions("rotate:5")),
		new Definition("perspective", "phone photo: perspective warp, page on a table",
			s -> s.withDistortions("perspective")),
		new Definition("noise-jpeg", "pixel noise (sd 4% of full scale) then JPEG at quality 0.5",
			s -> s.withDistortions("noise:0.04,jpeg:0.5")),
		new Definition("bw", "black-and-white photocopy (threshold at 55% grey)", s -> s.withDistortions("bw")),
		new Definition("creases", "folds (0.25 mm shift) and wrinkles (up to 1 mm)", s -> s.withDistortions(
			"wrinkle,crease")),
		new Definition("lowcontrast", "faint grid: grid ink at 30% contrast", s -> s.withGridContrast(0.3)),
		new Definition("dotted", "dotted grid (dots at 1 mm, 5 mm lines)", s -> s.withGridStyle(PageSpec.GridStyle.DOTS)),
		new Definition("6x2", "6x2 layout, no rhythm strip", s -> s.withLayout("6x2")),
		new Definition("12x1", "12x1 layout, one lead per row", s -> s.withLayout("12x1")),
		new Definition("rhythm3", "3x4 + three rhythm strips (V1, II, V5)", s -> s.withLayout("3x4+3")),
		new Definition("gain5", "as clean, at 5 mm/mV", s -> s.withGain(5)),
		new Definition("gain20", "as clean, at 20 mm/mV (tall complexes overlap the next row)", s -> s.withGain(20)),
		new Definition("speed50", "as clean, at 50 mm/s (5 s per page)", s -> s.withSpeed(50)));

	private BenchmarkMatrix() {}

	/** Condition names and what each tests, in table order. */
	public static Map<String, String> descriptions() {
		Map<String, String> m = new LinkedHashMap<>();
		for (Definition d : DEFINITIONS) m.put(d.name, d.description);
		return m;
	}

	/**
	 * The conditions to run.
	 *
	 * @param names condition names, or empty for all; unknown names fail with the list of known ones
	 */
	public static List<BenchmarkCondition> conditions(List<String> names, int pages, long seed) {
		if (pages < 1) throw new EcgException("A benchmark needs at least 1 page per condition, got " + pages);
		List<Definition> chosen = new ArrayList<>();
		if (names.isEmpty()) chosen.addAll(DEFINITIONS);
		for (String n : names) {
			Definition d = find(n);
			if (d == null) {
				throw new EcgException("Unknown benchmark condition '" + n + "': use any of " + String.join(", ",
					descriptions().keySet()));
			}
			if (!chosen.contains(d)) chosen.add(d);
		}
		List<BenchmarkCondition> out = new ArrayList<>();
		for (Definition d : chosen) {
			out.add(new BenchmarkCondition(d.name, d.description, pages, i -> pageName(d, i), i -> page(d, i, seed)));
		}
		return out;
	}

	private static Definition find(String name) {
		for (Definition d : DEFINITIONS) if (d.name.equalsIgnoreCase(name.trim())) return d;
		return null;
	}

	private static String pageName(Definition d, int index) {
		return String.format(Locale.ROOT, "%s-%02d", d.name, index + 1);
	}

	/** What makes page {@code index} of a condition: its signal, page settings and page seed. */
	public static final class Rendering {
		public final EcgRecord signal;
		public final PageSpec spec;
		public final long pageSeed;

		Rendering(EcgRecord signal, PageSpec spec, long pageSeed) {
			this.signal = signal;
			this.spec = spec;
			this.pageSeed = pageSeed;
		}
	}

	/** How page {@code index} of a named condition is made, so it can be rendered again (with its layers, say). */
	public static Rendering rendering(String condition, int index, long seed) {
		Definition d = find(condition);
		if (d == null) throw new EcgException("Unknown benchmark condition '" + condition + "': use any of " + String
			.join(", ", descriptions().keySet()));
		return rendering(d, index, seed);
	}

	private static Rendering rendering(Definition d, int index, long seed) {
		String name = pageName(d, index);
		EcgRecord signal = EcgSynthesizer.synthesize(signalSeed(seed, index), SAMPLING_FREQUENCY, SIGNAL_SECONDS, name);
		long pageSeed = pageSeed(seed, d.name, index);
		return new Rendering(signal, d.spec.apply(nuisance(new SplittableRandom(pageSeed))), pageSeed);
	}

	/** Page {@code index} of a condition: synthesized, printed and distorted, with its masked reference. */
	private static BenchmarkPage page(Definition d, int index, long seed) {
		String name = pageName(d, index);
		Rendering how = rendering(d, index, seed);
		EcgRecord signal = how.signal;
		long pageSeed = how.pageSeed;
		PageSpec spec = how.spec;
		SyntheticPage page = PageGenerator.render(signal, spec, pageSeed);
		String details = String.format(Locale.ROOT, "grid %s %s, %s, pen %.2f mm %s%s%s, %s, signal seed %d, page seed %d",
			spec.gridColor(), spec.gridStyle(), spec.paper(), spec.traceWidthMm(), spec.traceColor(), spec.separators()
				? ", separators" : "", spec.header() ? ", header" : "", spec.distortions().isEmpty() ? "no distortion" : spec.distortions(), signalSeed(seed, index),
			pageSeed);
		// no resolution, as the generator's PNG files and ecg-image-kit pages carry none: the scale
		// must come from the grid, and a page scores the same here and read back with --dataset
		return new BenchmarkPage(name, ImageFiles.toRgb(page.image()), Double.NaN, page.maskedReference().withName(name),
			details, LayoutTruth.of(page.truth()), page.truth().toJson(), BenchmarkSettings.none());
	}

	/** The defaults with the nuisance factors drawn from the page's generator. */
	private static PageSpec nuisance(SplittableRandom rnd) {
		return PageSpec.defaults()
			.withGridColor(GRID_COLOURS[rnd.nextInt(GRID_COLOURS.length)])
			.withPaper(rnd.nextBoolean() ? PageSpec.Paper.LETTER : PageSpec.Paper.A4)
			.withTraceWidthMm(0.2 + 0.25 * rnd.nextDouble())
			.withTraceColor(rnd.nextInt(4) == 0 ? PageSpec.TraceColor.DARKBLUE : PageSpec.TraceColor.BLACK)
			.withSeparators(rnd.nextBoolean())
			.withHeader(rnd.nextBoolean());
	}

	/** The signal of page i: the same in every condition. */
	static long signalSeed(long seed, int index) {
		return mix(mix(seed) + index) & Long.MAX_VALUE;
	}

	/** Nuisance factors and distortion parameters of one page of one condition. */
	static long pageSeed(long seed, String condition, int index) {
		return mix(mix(mix(seed) ^ condition.hashCode()) + index) & Long.MAX_VALUE;
	}

	/** SplitMix64's finaliser: nearby inputs give unrelated outputs. */
	private static long mix(long z) {
		z += 0x9e3779b97f4a7c15L;
		z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
		z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
		return z ^ (z >>> 31);
	}
}
