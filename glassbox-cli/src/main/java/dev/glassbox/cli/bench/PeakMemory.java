package dev.glassbox.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The peak resident set of this process, from Linux's /proc/self/status (VmHWM, in kB). */
final class PeakMemory {
    private PeakMemory() {}

    /** Bytes, or -1 where /proc is not there. Mapped file pages that were touched count, as they should. */
    static long bytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
