package org.ecgdigitizer;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Locates the team's shared public data ({@code ../shared/data} beside the checkout, or the
 * folder named by the {@code ECG_SHARED_DATA} environment variable). That data is never
 * committed, so tests that need it call {@link #require} and are skipped on a fresh clone.
 */
public final class SharedData {

	private SharedData() {}

	/** The shared data folder, or null when it is absent. */
	public static Path root() {
		String env = System.getenv("ECG_SHARED_DATA");
		Path p = env != null && !env.isBlank() ? Paths.get(env) : Paths.get("..", "shared", "data");
		return Files.isDirectory(p) ? p.toAbsolutePath().normalize() : null;
	}

	/** A sub-folder of the shared data ("records", "real-images", "seed-images"); skips the test when absent. */
	public static Path require(String sub) {
		Path root = root();
		assumeTrue(root != null && Files.isDirectory(root.resolve(sub)),
			"shared data folder ../shared/data/" + sub + " is absent; skipping");
		return root.resolve(sub);
	}
}
