package dev.pki.cli;

/** Public access to {@link Cli} for tests in other packages. */
public final class CliRunner {

    public record Result(int exitCode, String out, String err) {
        public String all() {
            return out + err;
        }
    }

    private CliRunner() {
    }

    public static Result run(String... args) {
        Cli.Result r = Cli.run(args);
        return new Result(r.exitCode(), r.out(), r.err());
    }
}
