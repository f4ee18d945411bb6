// JVM options for the tier's short Java runs (the generator, javac, Maven, the wire driver): the
// client compiler only (no C2) and the serial collector. A run of a few seconds to a minute spends
// much of its CPU on C2 compiling and on parallel GC threads. Measured on the suite's 2-core
// machine: openapi-generator's java run on the 3.0.3 bundle took 12.3 s of CPU with the defaults
// and 7.5 s with these; javac -Xlint:all over the generated Java client (106 files) 16.2 s and
// 6.0 s. They change how fast the JVM runs, not what it produces.
export const JVM_OPTIONS = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];

/** The same for javac, which takes JVM options as -J<option>. */
export const JAVAC_JVM_OPTIONS = JVM_OPTIONS.map((option) => `-J${option}`);

/** For Maven, through MAVEN_OPTS (a value the caller's environment sets wins). */
export const mavenEnv = (): NodeJS.ProcessEnv => ({ MAVEN_OPTS: process.env.MAVEN_OPTS ?? JVM_OPTIONS.join(' ') });

/**
 * The same for every JVM a shell command starts (the README's `java -jar` and `mvn` lines): the
 * `java` launcher reads JDK_JAVA_OPTIONS (and notes on stderr that it did), Maven MAVEN_OPTS.
 */
export const jvmShellEnv = (): NodeJS.ProcessEnv => ({ ...mavenEnv(), JDK_JAVA_OPTIONS: process.env.JDK_JAVA_OPTIONS ?? JVM_OPTIONS.join(' ') });
