package dev.glassbox.cli.interp;

import dev.glassbox.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the glassbox command in-process and keeps what it printed. */
record InterpCli(int status, String out, String err) {
    static InterpCli run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int status = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new InterpCli(status, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "status " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
