package org.ecgdigitizer.core.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.ecgdigitizer.core.EcgException;

import ij.ImagePlus;
import ij.ImageStack;
import ij.plugin.ZProjector;
import ij.plugin.filter.Convolver;
import ij.plugin.filter.GaussianBlur;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

/**
 * Which Trainable Weka Segmentation (TWS) features a classifier uses, and how to compute them on a
 * grayscale plane with TWS's own names and numbers: the filters are ImageJ's ({@link GaussianBlur}
 * at 0.4 x the nominal sigma with accuracy 0.0002, {@link Convolver} with the Sobel kernels, bit for
 * bit as {@link SobelDerivatives} computes them, {@link ZProjector} for the membrane projections), in the order TWS writes them into a model's
 * header, so that a model trained in Fiji's TWS reads the same numbers here and ours in TWS.
 */
public final class TwsFeatures {

	/** The TWS feature groups this class computes, with the prefixes TWS gives their attributes. */
	public enum Group {
		GAUSSIAN("Gaussian_blur"), SOBEL("Sobel_filter"), HESSIAN("Hessian"), DOG("Difference_of_gaussians"),
		MEMBRANE("Membrane_projections");

		public final String prefix;

		Group(String prefix) {
			this.prefix = prefix;
		}
	}

	/** TWS feature prefixes this class cannot compute (a model using them is refused by name). */
	static final List<String> UNSUPPORTED = List.of("Variance", "Mean", "Minimum", "Maximum", "Median",
		"Anisotropic_diffusion", "Bilateral", "Lipschitz", "Kuwahara", "Gabor", "Derivatives", "Laplacian",
		"Structure", "Entropy", "Neighbors");
	/** ImageScience features: TWS needs the ImageScience library for these. */
	static final List<String> IMAGESCIENCE = List.of("Derivatives", "Laplacian", "Structure");

	static final String ORIGINAL = "original";
	static final double BLUR_ACCURACY = 0.0002;
	/** TWS blurs with 0.4 x its nominal sigma. */
	static final double SIGMA_FACTOR = 0.4;
	/** TWS rotates the membrane kernel in this many steps over 180 degrees. */
	static final int MEMBRANE_ANGLES = 10;

	public final Set<Group> groups;
	public final float minSigma;
	public final float maxSigma;
	public final int membranePatch;
	public final int membraneThickness;
	/** Hessian eigenvalues as TWS wrote them before 3.2.25 (models whose relation is "segment"). */
	public final boolean oldHessian;

	public TwsFeatures(Set<Group> groups, float minSigma, float maxSigma, int membranePatch, int membraneThickness,
		boolean oldHessian)
	{
		if (groups.isEmpty()) throw new EcgException("a classifier needs at least one feature group");
		if (!(minSigma >= 1 && maxSigma >= minSigma && maxSigma <= 64)) {
			throw new EcgException("feature sigmas must satisfy 1 <= min <= max <= 64, got " + minSigma + " and " +
				maxSigma);
		}
		this.groups = Collections.unmodifiableSet(EnumSet.copyOf(groups));
		this.minSigma = minSigma;
		this.maxSigma = maxSigma;
		this.membranePatch = membranePatch % 2 == 0 ? membranePatch + 1 : membranePatch;
		this.membraneThickness = membraneThickness;
		this.oldHessian = oldHessian;
	}

	/** TWS's defaults: the first five groups, sigmas 1 to 16, a 19 px membrane patch of thickness 1. */
	public static TwsFeatures twsDefaults() {
		return new TwsFeatures(EnumSet.allOf(Group.class), 1, 16, 19, 1, false);
	}

	public TwsFeatures withOldHessian(boolean old) {
		return new TwsFeatures(groups, minSigma, maxSigma, membranePatch, membraneThickness, old);
	}

	/** The sigmas: doubling from the minimum up to the maximum, as TWS does. */
	public float[] sigmas() {
		List<Float> s = new ArrayList<>();
		for (float v = minSigma; v <= maxSigma; v *= 2) s.add(v);
		float[] out = new float[s.size()];
		for (int i = 0; i < out.length; i++) out[i] = s.get(i);
		return out;
	}

	/** The attribute names in TWS's order (the class attribute not included). */
	public List<String> names() {
		List<String> names = new ArrayList<>();
		names.add(ORIGINAL);
		if (minSigma < 2) {
			// TWS adds the unblurred edges and curvature when the finest sigma is below 2
			if (groups.contains(Group.SOBEL)) names.add(Group.SOBEL.prefix + "_" + 0f);
			if (groups.contains(Group.HESSIAN)) names.addAll(hessianNames(0f));
		}
		float[] sigmas = sigmas();
		for (int i = 0; i < sigmas.length; i++) {
			float s = sigmas[i];
			if (groups.contains(Group.GAUSSIAN)) names.add(Group.GAUSSIAN.prefix + "_" + s);
			if (groups.contains(Group.SOBEL)) names.add(Group.SOBEL.prefix + "_" + s);
			if (groups.contains(Group.HESSIAN)) names.addAll(hessianNames(s));
			if (groups.contains(Group.DOG)) {
				for (int j = 0; j < i; j++) names.add(Group.DOG.prefix + "_" + s + "_" + sigmas[j]);
			}
		}
		if (groups.contains(Group.MEMBRANE)) {
			for (int m = 0; m < 6; m++) names.add(Group.MEMBRANE.prefix + "_" + m + "_" + membranePatch + "_" +
				membraneThickness);
		}
		return names;
	}

	private static List<String> hessianNames(float s) {
		String p = Group.HESSIAN.prefix;
		return Arrays.asList(p + "_" + s, p + "_Trace_" + s, p + "_Determinant_" + s, p + "_Eigenvalue_1_" + s, p +
			"_Eigenvalue_2_" + s, p + "_Orientation_" + s, p + "_Square_Eigenvalue_Difference_" + s, p +
				"_Normalized_Eigenvalue_Difference_" + s);
	}

	/**
	 * Computes every feature of {@link #names()} on a grayscale plane (values as the image holds them,
	 * not rescaled: TWS does not normalise).
	 *
	 * @return one plane per name, in that order, each w x h row-major
	 */
	public float[][] compute(float[] plane, int w, int h) {
		return at(plane, w, h, Pixels.all(w * h));
	}

	/**
	 * As {@link #compute(float[], int, int)}, with the features only where {@code only} is true (0
	 * elsewhere): the filters still see the whole plane, so the values there are exactly those of the
	 * full stack.
	 */
	public float[][] compute(float[] plane, int w, int h, boolean[] only) {
		if (only == null) return compute(plane, w, h);
		int[] pixels = Pixels.of(only);
		float[][] values = at(plane, w, h, pixels);
		float[][] out = new float[values.length][];
		for (int f = 0; f < values.length; f++) out[f] = Pixels.scatter(values[f], pixels, w * h);
		return out;
	}

	/**
	 * The features at some pixels of a plane: one array per name of {@link #names()}, in that order,
	 * whose value k is the feature at pixel {@code pixels[k]}. The blurs and derivatives are ImageJ's
	 * to the bit, so the values are exactly those of the full stack; the per-pixel work (derivatives,
	 * the Hessian set, differences) is limited to the pixels and their neighbours, and so are the
	 * blurs when the pixels are few ({@link GaussianAt}).
	 */
	public float[][] at(float[] plane, int w, int h, int[] pixels) {
		List<float[]> out = new ArrayList<>();
		out.add(Pixels.gather(plane, pixels));
		boolean derivatives = groups.contains(Group.SOBEL) || groups.contains(Group.HESSIAN);
		SobelDerivatives d = derivatives ? new SobelDerivatives(w, h, pixels) : null;
		// TWS's blur at sigma 0 leaves the plane as it is
		if (minSigma < 2) addEdgesAndCurvature(out, plane, d);
		float[] sigmas = sigmas();
		float[][] blurred = new float[sigmas.length][];
		boolean[] read = blurRead(pixels, w, h, derivatives);
		GaussianAt near = read == null ? null : new GaussianAt(Pixels.of(read), w, h);
		for (int i = 0; i < sigmas.length; i++) {
			// one blur per sigma serves every feature at that sigma (TWS blurs the same way for each)
			blurred[i] = blur(plane, w, h, sigmas[i], near);
			if (groups.contains(Group.GAUSSIAN)) out.add(Pixels.gather(blurred[i], pixels));
			addEdgesAndCurvature(out, blurred[i], d);
			if (groups.contains(Group.DOG)) {
				for (int j = 0; j < i; j++) {
					// TWS: the finer blur minus the coarser one
					float[] dog = new float[pixels.length];
					for (int k = 0; k < dog.length; k++) dog[k] = blurred[j][pixels[k]] - blurred[i][pixels[k]];
					out.add(dog);
				}
			}
		}
		if (groups.contains(Group.MEMBRANE)) {
			for (float[] m : membrane(plane, w, h)) out.add(Pixels.gather(m, pixels));
		}
		return out.toArray(new float[0][]);
	}

	/** Sobel and the Hessian set of a blurred plane at the pixels, sharing the first derivatives. */
	private void addEdgesAndCurvature(List<float[]> out, float[] blurred, SobelDerivatives d) {
		if (d == null) return;
		d.differentiate(blurred);
		if (groups.contains(Group.SOBEL)) out.add(d.magnitude());
		if (groups.contains(Group.HESSIAN)) out.addAll(hessian(d));
	}

	/**
	 * Where the features read the blurred planes: at the pixels, and where derivatives are taken, at
	 * their 5 x 5 neighbourhoods (first derivatives at the 3 x 3 around, from their own 3 x 3). Null
	 * when that is much of the plane: ImageJ's whole-plane blur is then as cheap.
	 */
	static boolean[] blurRead(int[] pixels, int w, int h, boolean derivatives) {
		return pixels.length > w * h / 8 ? null : Pixels.within(pixels, w, h, derivatives ? 2 : 0);
	}

	/** ImageJ's Gaussian blur at TWS's 0.4 x sigma, exact at the pixels {@code near} wants (everywhere if it is null). */
	static float[] blur(float[] plane, int w, int h, float sigma, GaussianAt near) {
		if (near == null || !GaussianAt.handles(SIGMA_FACTOR * sigma)) return blur(plane, w, h, sigma);
		return near.blur(plane, SIGMA_FACTOR * sigma, BLUR_ACCURACY);
	}

	/** ImageJ's Gaussian blur at TWS's 0.4 x sigma. */
	static float[] blur(float[] plane, int w, int h, float sigma) {
		FloatProcessor fp = new FloatProcessor(w, h, plane.clone());
		new GaussianBlur().blurGaussian(fp, SIGMA_FACTOR * sigma, SIGMA_FACTOR * sigma, BLUR_ACCURACY);
		return (float[]) fp.getPixels();
	}

	/**
	 * The eight Hessian features at the pixels: second derivatives by applying the Sobel kernels to
	 * the first derivatives, then module, trace, determinant, eigenvalues, orientation and the two
	 * eigenvalue differences.
	 */
	List<float[]> hessian(SobelDerivatives derivatives) {
		int n = derivatives.pixels.length;
		float[] module = new float[n], trace = new float[n], det = new float[n], e1 = new float[n], e2 = new float[n],
			orientation = new float[n], sed = new float[n], ned = new float[n];
		float[] second = new float[3];
		for (int k = 0; k < n; k++) {
			derivatives.second(k, second);
			float a = second[0], c = second[1], d = second[2];
			module[k] = (float) Math.sqrt(a * a + c * c + d * d);
			float tr = a + d;
			trace[k] = tr;
			det[k] = a * d - c * c;
			double disc = 4 * c * c + (a - d) * (a - d);
			if (oldHessian) {
				// before TWS 3.2.25: half the trace plus the root of half the discriminant
				e1[k] = (float) (tr / 2.0 + Math.sqrt(disc / 2.0));
				e2[k] = (float) (tr / 2.0 - Math.sqrt(disc / 2.0));
			}
			else {
				e1[k] = (float) ((tr + Math.sqrt(disc)) / 2.0);
				e2[k] = (float) ((tr - Math.sqrt(disc)) / 2.0);
			}
			float o = (float) ((c < 0 ? -0.5 : 0.5) * Math.acos((a - d) / Math.sqrt(4.0 * c * c + (a - d) * (a - d))));
			orientation[k] = Float.isNaN(o) ? 0 : o;
			sed[k] = (float) (tr * tr * disc);
			ned[k] = (float) disc;
		}
		return Arrays.asList(module, trace, det, e1, e2, orientation, sed, ned);
	}

	/**
	 * TWS's membrane projections: a line kernel (patch x patch, the line thickness + 1 columns wide as
	 * TWS draws it) rotated in 18-degree steps by ImageJ's own rotation, convolved with ImageJ's
	 * normalising Convolver, then projected across the rotations with ZProjector's average, maximum,
	 * minimum, sum, standard deviation and median.
	 */
	List<float[]> membrane(float[] plane, int w, int h) {
		int p = membranePatch;
		FloatProcessor kernel = new FloatProcessor(p, p);
		int middle = p / 2;
		int start = middle - (int) Math.floor(membraneThickness / 2.0);
		int end = middle + (int) Math.ceil(membraneThickness / 2.0);
		for (int x = start; x <= end; x++) {
			for (int y = 0; y < p; y++) kernel.setf(x, y, 1f);
		}
		double step = 180 / MEMBRANE_ANGLES;
		ImageStack rotations = new ImageStack(w, h);
		Convolver convolver = new Convolver();
		for (int i = 0; i < MEMBRANE_ANGLES; i++) {
			ImageProcessor k = kernel.duplicate();
			k.rotate(i * step);
			FloatProcessor fp = new FloatProcessor(w, h, plane.clone());
			convolver.convolveFloat(fp, (float[]) k.getPixels(), p, p);
			rotations.addSlice("membrane", fp);
		}
		ZProjector z = new ZProjector(new ImagePlus("rotations", rotations));
		z.setStopSlice(rotations.getSize());
		List<float[]> out = new ArrayList<>();
		for (int m = 0; m < 6; m++) {
			z.setMethod(m);
			z.doProjection();
			out.add((float[]) z.getProjection().getProcessor().convertToFloat().getPixels());
		}
		return out;
	}

	/**
	 * The configuration that computes exactly these attributes, read from their names the way TWS
	 * does when it loads a model; refuses features this class does not compute.
	 *
	 * @param names the header's attribute names without the class attribute
	 */
	public static TwsFeatures fromNames(List<String> names, boolean oldHessian) {
		EnumSet<Group> groups = EnumSet.noneOf(Group.class);
		float min = Float.MAX_VALUE;
		float max = 0;
		int patch = 19;
		int thickness = 1;
		for (String name : names) {
			if (name.equals(ORIGINAL)) continue;
			for (String prefix : IMAGESCIENCE) {
				if (name.startsWith(prefix)) {
					throw new EcgException("the model uses the ImageScience feature " + name +
						", which is not supported; retrain it in TWS without Derivatives, Laplacian and Structure");
				}
			}
			for (String prefix : UNSUPPORTED) {
				if (name.startsWith(prefix + "_")) {
					throw new EcgException("the model uses the feature " + name + ", which is not supported; retrain " +
						"it in TWS with only Gaussian blur, Sobel, Hessian, Difference of Gaussians and Membrane projections");
				}
			}
			Group g = null;
			for (Group candidate : Group.values()) if (name.startsWith(candidate.prefix + "_")) g = candidate;
			if (g == null) {
				throw new EcgException("the model's attribute '" + name + "' is not a grayscale TWS feature; only " +
					"grayscale models of Trainable Weka Segmentation are supported (not RGB-feature models)");
			}
			groups.add(g);
			String[] parts = name.substring(g.prefix.length() + 1).split("_");
			try {
				if (g == Group.MEMBRANE) {
					patch = Integer.parseInt(parts[1]);
					thickness = Integer.parseInt(parts[2]);
					continue;
				}
				float s = Float.parseFloat(parts[parts.length - 1]);
				if (g == Group.DOG) s = Float.parseFloat(parts[0]);
				if (s > 0) {
					min = Math.min(min, s);
					max = Math.max(max, s);
				}
			}
			catch (RuntimeException e) {
				throw new EcgException("cannot read the feature name '" + name + "' of the model");
			}
		}
		if (groups.isEmpty()) {
			throw new EcgException("the model has no TWS features besides 'original'; it cannot be applied");
		}
		if (min == Float.MAX_VALUE) {
			min = 1;
			max = 1;
		}
		// a DoG-only smallest sigma appears as the second number of a name
		for (String name : names) {
			if (name.startsWith(Group.DOG.prefix + "_")) {
				String[] parts = name.substring(Group.DOG.prefix.length() + 1).split("_");
				min = Math.min(min, Float.parseFloat(parts[1]));
			}
		}
		return new TwsFeatures(groups, min, max, patch, thickness, oldHessian);
	}

	@Override
	public String toString() {
		List<String> g = new ArrayList<>();
		for (Group group : groups) g.add(group.prefix);
		return String.format(Locale.ROOT, "%s, sigma %s to %s px%s", String.join(", ", g), minSigma, maxSigma,
			oldHessian ? ", old Hessian" : "");
	}
}
