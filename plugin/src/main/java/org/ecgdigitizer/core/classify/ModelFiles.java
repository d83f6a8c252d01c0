package org.ecgdigitizer.core.classify;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.StreamCorruptedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.io.AtomicFiles;

import weka.classifiers.AbstractClassifier;
import weka.core.Instances;

/**
 * Reads and writes Trainable Weka Segmentation {@code .model} files: Java serialization of the
 * classifier followed by the training header ({@link Instances} without data), gzipped when the
 * name ends in {@code .gz}. A model file from elsewhere can carry an exploit, so reading goes
 * through an allow-list {@link ObjectInputFilter} (Weka, FastRandomForest, java.lang, java.util,
 * primitives and arrays) with limits on depth, references and size: anything else stops the
 * reading before any of it is built.
 */
public final class ModelFiles {

	/** Largest model file read (a 200-tree TWS forest on many features is tens of MB). */
	static final long MAX_BYTES = 256L << 20;
	static final long MAX_DEPTH = 200;
	static final long MAX_REFERENCES = 20_000_000;
	static final long MAX_ARRAY = 50_000_000;
	/** Packages whose classes a model may hold. */
	static final String[] ALLOWED = { "java.lang.", "java.util.", "weka.", "hr.irb.fastRandomForest." };
	/** Classes in those packages that run code when deserialised or are not data; never needed by a model. */
	static final String[] DENIED = { "java.lang.reflect.", "java.lang.invoke.", "java.lang.ProcessBuilder",
		"java.lang.Runtime", "java.lang.Thread", "java.lang.ClassLoader", "java.util.concurrent.",
		"java.util.logging.", "java.util.prefs.", "java.util.ServiceLoader", "weka.gui.", "weka.core.converters.",
		"weka.core.scripting.", "weka.core.xml.", "weka.experiment.", "weka.knowledgeflow." };

	static {
		WekaQuiet.start();
	}

	private ModelFiles() {}

	/** A model as TWS saves it. */
	public static final class Model {
		public final AbstractClassifier classifier;
		public final Instances header;

		public Model(AbstractClassifier classifier, Instances header) {
			this.classifier = classifier;
			this.header = header;
		}
	}

	/** The allow-list filter: the only way this project deserialises a model. It remembers what it refused. */
	static final class AllowList implements ObjectInputFilter {
		/** The first class or limit refused, for the message. */
		String refused;

		@Override
		public Status checkInput(FilterInfo info) {
			if (info.depth() > MAX_DEPTH || info.references() > MAX_REFERENCES || info.streamBytes() > MAX_BYTES ||
				info.arrayLength() > MAX_ARRAY)
			{
				return refuse("nesting, size or array length beyond the limits");
			}
			Class<?> c = info.serialClass();
			if (c == null) return Status.UNDECIDED;
			while (c.isArray()) c = c.getComponentType();
			if (c.isPrimitive()) return Status.ALLOWED;
			String name = c.getName();
			for (String d : DENIED) if (name.startsWith(d)) return refuse(name);
			for (String a : ALLOWED) if (name.startsWith(a)) return Status.ALLOWED;
			return refuse(name);
		}

		private Status refuse(String what) {
			if (refused == null) refused = what;
			return Status.REJECTED;
		}
	}

	/** Reads a model file; every problem is an {@link EcgException} with a one-line message. */
	public static Model read(Path file) {
		if (!Files.isRegularFile(file)) throw new EcgException("model file " + file + " does not exist");
		try {
			long size = Files.size(file);
			if (size > MAX_BYTES) {
				throw new EcgException("model file " + file + " is " + (size >> 20) + " MB, more than the " +
					(MAX_BYTES >> 20) + " MB a classifier may take");
			}
			try (InputStream in = Files.newInputStream(file)) {
				return read(in, file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".gz"),
					file.toString());
			}
		}
		catch (IOException e) {
			throw new EcgException("cannot read model file " + file + ": " + e.getMessage());
		}
	}

	/** Reads a model from a stream (gzipped when {@code gzip}); {@code what} names it in messages. */
	public static Model read(InputStream raw, boolean gzip, String what) throws IOException {
		String fix = "; give a .model file saved by Trainable Weka Segmentation or by train-ink";
		InputStream in = new BufferedInputStream(raw);
		AllowList filter = new AllowList();
		try {
			if (gzip) in = new GZIPInputStream(in);
			ObjectInputStream ois = new ObjectInputStream(in);
			ois.setObjectInputFilter(filter);
			Object classifier = ois.readObject();
			if (!(classifier instanceof AbstractClassifier)) {
				throw new EcgException(what + " does not start with a Weka classifier" + fix);
			}
			Object header;
			try {
				header = ois.readObject();
			}
			catch (EOFException e) {
				throw new EcgException(what + " holds a classifier but no training header (TWS writes both)" + fix);
			}
			if (!(header instanceof Instances)) {
				throw new EcgException(what + " does not hold a training header after its classifier" + fix);
			}
			Instances h = (Instances) header;
			if (h.classIndex() < 0 || !h.classAttribute().isNominal() || h.numClasses() < 2) {
				throw new EcgException(what + " has no nominal class attribute with two classes or more" + fix);
			}
			return new Model((AbstractClassifier) classifier, h);
		}
		catch (InvalidClassException e) {
			throw new EcgException(what + " holds what a model may not contain (" + (filter.refused != null
				? filter.refused : e.getMessage()) + "); it was not loaded");
		}
		catch (EOFException e) {
			throw new EcgException(what + " is truncated" + fix);
		}
		catch (StreamCorruptedException | java.util.zip.ZipException e) {
			throw new EcgException(what + " is not a model file (" + e.getMessage() + ")" + fix);
		}
		catch (ClassNotFoundException e) {
			throw new EcgException(what + " needs the class " + e.getMessage() + ", which is not installed" + fix);
		}
		catch (ClassCastException | IllegalStateException | IllegalArgumentException | NegativeArraySizeException |
			IndexOutOfBoundsException e)
		{
			throw new EcgException(what + " is damaged (" + e.getClass().getSimpleName() + ")" + fix);
		}
	}

	/** The bytes TWS writes: the classifier, then the header without data. */
	public static byte[] bytes(Model model, boolean gzip) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		OutputStream out = gzip ? new GZIPOutputStream(bytes) : bytes;
		try (ObjectOutputStream oos = new ObjectOutputStream(out)) {
			oos.writeObject(model.classifier);
			oos.writeObject(model.header.stringFreeStructure());
		}
		return bytes.toByteArray();
	}

	/** Writes a model file atomically (gzipped when the name ends in .gz). */
	public static void write(Model model, Path file) throws IOException {
		boolean gzip = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".gz");
		byte[] b = bytes(model, gzip);
		AtomicFiles.write(file, out -> out.write(b));
	}
}
