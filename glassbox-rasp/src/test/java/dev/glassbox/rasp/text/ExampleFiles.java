package dev.glassbox.rasp.text;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds {@code examples/tracr-lib} from wherever the tests run (the module or the repository root). */
final class ExampleFiles {
    private ExampleFiles() {}

    static Path tracrLib() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("examples/tracr-lib");
            if (Files.isDirectory(candidate)) return candidate;
        }
        throw new IllegalStateException("examples/tracr-lib not found above " + Path.of("").toAbsolutePath());
    }
}
