package dev.glassbox.rasp.text;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds {@code examples/tracr-lib} and {@code docs/rasp.md} from wherever the tests run (the module or the repository root). */
final class ExampleFiles {
    private ExampleFiles() {}

    static Path tracrLib() {
        return find("examples/tracr-lib");
    }

    static Path languageReference() {
        return find("docs/rasp.md");
    }

    private static Path find(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(relative);
            if (Files.exists(candidate)) return candidate;
        }
        throw new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath());
    }
}
