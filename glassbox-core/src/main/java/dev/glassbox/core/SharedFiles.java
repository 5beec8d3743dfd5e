package dev.glassbox.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the project's read-only {@code shared/} folder (reference outputs, the stories260K model,
 * MMLU), which lives beside the checkout: {@code ../shared} from the repository root. Searched
 * upwards from the working directory so that it is found from a module folder too; the system
 * property {@code glassbox.shared} overrides.
 */
public final class SharedFiles {
    private SharedFiles() {}

    public static Optional<Path> root() {
        String override = System.getProperty("glassbox.shared");
        if (override != null) return Optional.of(Path.of(override));
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared");
            if (Files.isDirectory(candidate.resolve("reference"))) return Optional.of(candidate);
            Path sibling = dir.resolveSibling("shared");
            if (dir.getParent() != null && Files.isDirectory(sibling.resolve("reference"))) return Optional.of(sibling);
        }
        return Optional.empty();
    }

    /** A file under shared/, or an error saying where it was looked for. */
    public static Path require(String relative) {
        Path root = root().orElseThrow(() -> new GlassboxException(
                "cannot find the shared/ folder beside the checkout (looked upwards from "
                        + Path.of("").toAbsolutePath() + "); set -Dglassbox.shared=PATH"));
        Path file = root.resolve(relative);
        if (!Files.exists(file)) throw new GlassboxException("missing shared file " + file);
        return file;
    }
}
