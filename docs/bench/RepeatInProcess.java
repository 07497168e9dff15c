import io.strata.cli.StrataCommand;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * Runs one strata command line N times in one JVM and prints each run's wall time: what a
 * resident process (a daemon, a Jenkins agent's JVM) would pay per run once the JVM is started
 * and its code compiled. Usage, from the project root after `mvn -B -q -DskipTests package`:
 *
 *     java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp strata-cli/target/strata.jar \
 *         docs/bench/RepeatInProcess.java 8 impact --config SITE/layers.yaml --base main --head next
 */
public final class RepeatInProcess {

    public static void main(String[] args) {
        int runs = Integer.parseInt(args[0]);
        String[] command = Arrays.copyOfRange(args, 1, args.length);
        PrintStream out = System.out;
        for (int run = 1; run <= runs; run++) {
            long start = System.nanoTime();
            System.setOut(new PrintStream(OutputStream.nullOutputStream()));
            int code = StrataCommand.commandLine().execute(command);
            System.setOut(out);
            out.printf("run %d: exit %d, %d ms%n", run, code, (System.nanoTime() - start) / 1_000_000);
        }
    }
}
