package jp.kakehashi.systemtests.support;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;

/**
 * Cleans up after a process this JVM started, however this JVM ends: also by SIGKILL (surefire's timeout, a CI run
 * cut off), which runs no shutdown hook and would leave a database, a load balancer or platform nodes running on
 * the machine. A small shell reads a line from a pipe this JVM holds open; the kernel closes the pipe when the JVM
 * dies, the read sees its end, and the shell runs the clean-up command. An orderly stop disarms it instead.
 */
public final class Reaper {

    private final Process shell;

    private Reaper(Process shell) {
        this.shell = shell;
    }

    /** Runs the shell command {@code cleanUp} once this JVM is gone, unless {@link #disarm() disarmed} first. */
    public static Reaper onExit(String cleanUp) throws IOException {
        // the reaper ignores the signals a terminal or Maven sends to the whole process group, so that it outlives
        // this JVM; a line on its input means the JVM cleaned up itself
        String script = "trap '' INT TERM HUP; if read -r _; then exit 0; fi; " + cleanUp;
        Process shell = new ProcessBuilder("bash", "-c", script).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        return new Reaper(shell);
    }

    /** The JVM stopped the process itself: the reaper ends without running its command. */
    public void disarm() {
        try (OutputStream in = shell.getOutputStream()) {
            in.write('\n');
        }
        catch (IOException gone) {
            // the reaper already ended
        }
        try {
            shell.waitFor(5, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        shell.destroyForcibly();
    }
}
