import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { TOOLS } from '../support/cache.js';
import { checkOnce, generateOnce } from '../../support/run-cache.js';
import { exec, execOk } from '../support/exec.js';
import { toolchainsPresent } from '../support/gate.js';
import { BUNDLES, outDirFor, runOpenapiGenerator, staleAllowListEntries, unexcusedWarnings } from '../support/openapi-generator.js';
import { JAVAC_JVM_OPTIONS, JVM_OPTIONS, mavenEnv } from '../support/jvm.js';
import { tempDirForSuite } from '../support/temp-dir.js';
import { findToolchain, toolchainIdentity } from '../support/toolchains.js';
import { expectDriverSendsWireCalls } from '../support/wire.js';

// openapi-generator's `java` generator with the `native` library (java.net.http and Jackson, no
// other HTTP stack), on both bundles. The generated project is compiled by Maven from its own
// pom.xml (main sources only: no tests, javadoc or packaging), its sources are linted by javac with
// -Xlint:all, and drivers/openapi-generator-java/WireDriver.java, compiled against the generated
// classes with -Xlint:all -Werror, makes the wire calls through the generated API classes.

const GENERATOR = 'java';
const slug = (name: string) => name.replace(/[^a-z0-9]+/gi, '-');
const DRIVER = fileURLToPath(new URL('../drivers/openapi-generator-java/WireDriver.java', import.meta.url));

function javaFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.java'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/**
 * Compiles the generated project's main sources with Maven and returns their compile classpath
 * (the generated classes first). Offline first, so a warm ~/.m2 needs no network; the first run
 * downloads the plugins and dependencies the generated pom.xml names.
 */
async function mavenCompile(project: string): Promise<string> {
  // A passing build of the same generated project is replayed from the run cache (its target/).
  const build = await generateOnce({ tool: `maven ${toolchainIdentity('mvn')} on java ${toolchainIdentity('java')}`, args: ['compile', 'dependency:build-classpath'], inputs: [join(project, 'pom.xml'), join(project, 'src')] }, join(project, 'target'), async (target) => {
    await mavenBuild(project);
    cpSync(join(project, 'target'), target, { recursive: true });
    return { code: 0, stdout: '', stderr: '' };
  });
  const classpath = () => [join(project, 'target', 'classes'), ...readFileSync(join(project, 'target', 'compile-classpath.txt'), 'utf8').trim().split(delimiter).filter(Boolean)];
  // The dependencies live in ~/.m2: a replayed build whose jars are gone is built again.
  if (build.cached && !classpath().every((entry) => existsSync(entry))) await mavenBuild(project);
  return classpath().join(delimiter);
}

/** `mvn compile` and the compile classpath into target/compile-classpath.txt. */
async function mavenBuild(project: string): Promise<void> {
  const mvn = findToolchain('mvn')!;
  const cpFile = join(project, 'target', 'compile-classpath.txt');
  const args = [
    '-B', '-q',
    ...(process.env.MAVEN_REPO_LOCAL ? [`-Dmaven.repo.local=${process.env.MAVEN_REPO_LOCAL}`] : []),
    '-DskipTests', '-Dmaven.test.skip=true', '-Dmaven.javadoc.skip=true', '-Dmaven.source.skip=true',
    'compile', 'dependency:build-classpath', '-Dmdep.includeScope=compile', `-Dmdep.outputFile=${cpFile}`,
  ];
  const offline = await exec(mvn, ['-o', ...args], { cwd: project, env: mavenEnv() });
  if (offline.code !== 0) {
    if (!/offline/i.test(`${offline.stdout}${offline.stderr}`)) {
      throw new Error(`mvn compile failed (${offline.code}):\n${`${offline.stdout}\n${offline.stderr}`.trim().split('\n').slice(-60).join('\n')}`);
    }
    await execOk(mvn, args, { cwd: project, env: mavenEnv() });
  }
}

/** The <dependencies> section of a generated project's pom.xml. */
const pomDependencies = (project: string) => /<dependencies>[\s\S]*<\/dependencies>/.exec(readFileSync(join(project, 'pom.xml'), 'utf8'))?.[0] ?? '';

interface LintWarning { file: string; kind: string; message: string }

/** javac -Xlint:all over the generated main sources (into a scratch folder); its warnings. */
async function lint(project: string, classpath: string, scratch: string): Promise<{ warnings: LintWarning[]; output: string }> {
  const sources = join(project, 'src', 'main', 'java');
  mkdirSync(scratch, { recursive: true });
  const args = ['-Xlint:all', '-Xmaxwarns', '100000', '--release', '11', '-proc:none'];
  // Replayed from the run cache for the same sources and dependencies (the project's own classes
  // on the classpath are built from those sources).
  const dependencies = classpath.split(delimiter).filter((entry) => !entry.startsWith(project));
  // The files javac names are made relative to the sources, so that a replay names them alike.
  const run = await checkOnce({ tool: `javac ${toolchainIdentity('javac')}`, args: [...args, ...dependencies], inputs: [sources] }, async () => {
    const result = await execOk(findToolchain('javac')!, [...JAVAC_JVM_OPTIONS, ...args, '-cp', classpath, '-d', scratch, ...javaFiles(sources)], { cwd: project });
    return { ...result, stdout: result.stdout.replaceAll(`${sources}/`, ''), stderr: result.stderr.replaceAll(`${sources}/`, '') };
  });
  const output = `${run.stdout}${run.stderr}`;
  const warnings = [...output.matchAll(/^(.+\.java):\d+: warning: \[([\w-]+)\] (.*)$/gm)].map((m) => ({ file: m[1]!, kind: m[2]!, message: m[3]! }));
  return { warnings, output };
}

describe.runIf(toolchainsPresent('openapi-generator java', ['java', 'javac', 'mvn']))(`generator: openapi-generator ${TOOLS.openapiGeneratorCli} java (library native)`, () => {
  const root = tempDirForSuite('openapi-generator-java-');
  const printed: string[] = [];
  /** The union 3.0.3 project's pom.xml dependencies and their compile classpath from Maven, for the per-version builds below. */
  let unionBuild: { dependencies: string; classpath: string[] } | undefined;

  describe.each(BUNDLES)('$name', (bundle) => {
    let project: string;
    let warnings: string[] = [];
    let classpath: string | undefined;

    beforeAll(async () => {
      project = outDirFor(root(), bundle.name);
      warnings = await runOpenapiGenerator(GENERATOR, bundle.path, project, ['--library', 'native']);
      printed.push(...warnings);
      console.log(`openapi-generator java on the ${bundle.name} bundle: ${warnings.length} warning(s)${warnings.map((w) => `\n  ${w}`).join('')}`);
    });

    it('generates without unexcused warnings', () => {
      expect(unexcusedWarnings(GENERATOR, warnings, bundle.name)).toEqual([]);
    });

    it('types every path parameter as Long or String (a model type put `class%20...` into URLs), and every numeric id as Long', () => {
      const api = javaFiles(join(project, 'src', 'main', 'java', 'org', 'openapitools', 'client', 'api')).map((f) => readFileSync(f, 'utf8')).join('\n');
      const names = new Set([...api.matchAll(/\.replace\("\{(\w+)\}", ApiClient\.urlEncode\(/g)].map((m) => m[1]!));
      expect([...names]).toEqual(expect.arrayContaining(['id', 'orgId', 'userId']));
      const typeOf = (name: string) => [...new Set([...api.matchAll(new RegExp(`@javax\\.annotation\\.Nonnull ([\\w.<>]+) ${name}\\b`, 'g'))].map((m) => m[1]!))];
      const types = Object.fromEntries([...names].sort().map((name) => [name, typeOf(name)]));
      // Team Sync's groupId is an external group's name (an LDAP DN), not a numeric id.
      const STRING_IDS = new Set(['groupId']);
      for (const [name, seen] of Object.entries(types)) {
        const expected = STRING_IDS.has(name) ? 'String' : /^(id|\w+Id)$/.test(name) ? 'Long' : expect.stringMatching(/^(Long|String)$/);
        expect(seen, `the Java type of path parameter ${name}`).toEqual([expected]);
      }
    });

    it('compiles with Maven from the generated pom.xml', async () => {
      classpath = await mavenCompile(project);
      unionBuild = { dependencies: pomDependencies(project), classpath: classpath.split(delimiter).slice(1) };
    });

    it('has no javac -Xlint:all warning in the generated API and model classes', async () => {
      expect(classpath, 'the Maven build did not finish').toBeDefined();
      const { warnings: lintWarnings } = await lint(project, classpath!, join(root(), `lint-${slug(bundle.name)}`));
      console.log(`javac -Xlint:all on the ${bundle.name} client: ${lintWarnings.length} warning(s)${lintWarnings.map((w) => `\n  ${w.file}: [${w.kind}] ${w.message}`).join('')}`);
      // The support classes (ApiClient, JSON, ...) are the same for every spec; the api/ and model/
      // packages are written from the spec, so a warning there is one the spec can cause.
      expect(lintWarnings.filter((w) => /(^|\/)(api|model)\//.test(w.file))).toEqual([]);
    });

    it('sends exactly the calls of wire/calls.json through the generated client', async () => {
      expect(classpath, 'the Maven build did not finish').toBeDefined();
      const out = join(root(), `driver-${slug(bundle.name)}`);
      mkdirSync(out, { recursive: true });
      await execOk(findToolchain('javac')!, [...JAVAC_JVM_OPTIONS, '-Xlint:all', '-Werror', '-proc:none', '-cp', classpath!, '-d', out, DRIVER]);
      await expectDriverSendsWireCalls((env) => exec(findToolchain('java')!, [...JVM_OPTIONS, '-cp', [out, classpath!].join(delimiter), 'WireDriver'], { env, timeoutMs: 120_000 }));
    });
  });

  // Each version family's bundle (the 3.0 form, as the README gives openapi-generator): generated
  // the same way and compiled by javac -Xlint:all against the dependencies Maven resolved for the
  // union's project (the generated pom.xml must name the same ones), without the driver (a version
  // may lack operations it calls).
  describe.each(inject('versionBundles').filter((b) => b.form === '3.0'))('$name', (bundle) => {
    let project: string;
    let warnings: string[] = [];

    beforeAll(async () => {
      project = outDirFor(root(), bundle.name);
      warnings = await runOpenapiGenerator(GENERATOR, bundle.path, project, ['--library', 'native']);
    });

    it('generates without unexcused warnings', () => {
      expect(unexcusedWarnings(GENERATOR, warnings, 'OpenAPI 3.0.3')).toEqual([]);
    });

    it('compiles with javac, with no -Xlint:all warning in the generated API and model classes', async () => {
      expect(unionBuild, 'the Maven build of the union client did not finish').toBeDefined();
      expect(pomDependencies(project)).toBe(unionBuild!.dependencies);
      const { warnings: lintWarnings } = await lint(project, unionBuild!.classpath.join(delimiter), join(root(), `classes-${slug(bundle.name)}`));
      expect(lintWarnings.filter((w) => /(^|\/)(api|model)\//.test(w.file))).toEqual([]);
    });
  });

  it('needs every allow-list entry for this generator (none is stale)', () => {
    expect(staleAllowListEntries(GENERATOR, printed)).toEqual([]);
  });
});
