package benchmark;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How the benchmark starts each engine as its own JVM: the packaged application (profiles postgres and demo) and the
 * bare engine ({@link BareEngineApplication}); both get the same JVM options.
 */
final class EngineCommands {

    static final String BARE_ADMIN_PASSWORD = "bare-admin-password";

    private EngineCommands() {
    }

    /** The packaged application (that jar) on that database, mail to that SMTP port; the demo profile's administrator demo/demo. */
    static List<String> application(List<String> jvmOptions, String jar, int port) throws IOException, InterruptedException {
        List<String> command = java(jvmOptions);
        command.addAll(List.of("-jar", applicationJar(Path.of(jar)), "--spring.profiles.active=postgres,demo",
                "--server.port=" + port));
        return command;
    }

    /**
     * The packaged jar, or with {@code -Dbenchmark.extracted=true} the same jar extracted the way Spring Boot's
     * "efficient deployments" describe ({@code java -Djarmode=tools -jar app.jar extract}: the libraries as plain jars
     * beside a small launcher jar, as the bare engine's classpath is), to see what class loading from the nested jar
     * costs at start-up.
     */
    private static String applicationJar(Path jar) throws IOException, InterruptedException {
        if (!Boolean.getBoolean("benchmark.extracted")) {
            return jar.toString();
        }
        Path destination = Path.of(System.getProperty("benchmark.directory", "target/benchmark"), "extracted",
                jar.getFileName().toString().replace(".jar", "") + "-" + Integer.toHexString(jar.toAbsolutePath().hashCode()));
        Path extracted = destination.resolve(jar.getFileName());
        if (!Files.exists(extracted) || Files.getLastModifiedTime(extracted).compareTo(Files.getLastModifiedTime(jar)) < 0) {
            int exit = new ProcessBuilder(JvmProcess.javaExecutable(), "-Djarmode=tools", "-jar", jar.toString(), "extract",
                    "--force", "--destination", destination.toString()).inheritIO().start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("Extracting " + jar + " failed with exit code " + exit);
            }
        }
        return extracted.toString();
    }

    static Map<String, String> applicationEnvironment(Database database, String databaseName, int smtpPort) {
        return Map.of("DB_HOST", "localhost", "DB_PORT", Integer.toString(database.port()), "DB_NAME", databaseName,
                "DB_USER", "postgres", "DB_PASSWORD", "postgres", "MAIL_HOST", "127.0.0.1", "MAIL_PORT",
                Integer.toString(smtpPort), "DEMO_MAIL_CATCHER", "false");
    }

    /** The bare engine from the benchmark's classes on that database; its administrator admin/{@link #BARE_ADMIN_PASSWORD}. */
    static List<String> bareEngine(List<String> jvmOptions, Path directory, Database database, String databaseName,
            int port) throws IOException {
        String classpath = System.getProperty("benchmark.testClasses") + File.pathSeparator
                + Files.readString(directory.resolve("classpath.txt")).trim();
        List<String> command = java(jvmOptions);
        command.addAll(List.of("-cp", classpath, BareEngineApplication.class.getName(), "--spring.config.name=bare-engine",
                "--server.port=" + port, "--spring.datasource.url=" + database.jdbcUrl(databaseName),
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres"));
        return command;
    }

    static Map<String, String> bareEnvironment() {
        return Map.of("ADMIN_USER", "admin", "ADMIN_PASSWORD", BARE_ADMIN_PASSWORD);
    }

    private static List<String> java(List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(JvmProcess.javaExecutable());
        command.addAll(jvmOptions);
        return command;
    }
}
