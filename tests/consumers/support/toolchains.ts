import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { findExecutable } from '../../../scripts/toolchains.mjs';

// Finds the toolchains the consumers tier needs without relying on a login shell's PATH (CI runs
// non-interactively), and says how to get one that is missing.
export type Toolchain = 'go' | 'java' | 'javac' | 'mvn' | 'python' | 'chromium';

const EXECUTABLE: Record<Toolchain, string> = { go: 'go', java: 'java', javac: 'javac', mvn: 'mvn', python: 'python3', chromium: 'chromium' };

const HOW_TO_GET: Record<Toolchain, string> = {
  go: 'install Go 1.25 or later (https://go.dev/doc/install) and put its bin/ on PATH',
  java: 'install a JDK 17 or later (for example the openjdk-17-jdk package) and put its bin/ on PATH',
  javac: 'install a JDK 17 or later (not only a JRE), for example the openjdk-17-jdk package',
  mvn: 'install Apache Maven 3.8 or later (for example the maven package)',
  python: 'install Python 3.10 or later with the venv module (for example python3 and python3-venv)',
  chromium: 'install Chromium (on Debian or Ubuntu: apt-get install -y chromium)',
};

const found = new Map<Toolchain, string | null>();

/** The absolute path of a toolchain's executable, or null when it is not installed. */
export function findToolchain(name: Toolchain): string | null {
  if (!found.has(name)) {
    const exe = EXECUTABLE[name];
    found.set(name, findExecutable(exe));
  }
  return found.get(name)!;
}

/** Explains what is missing and how to get it, or null when every toolchain is there. */
export function missingToolchains(names: Toolchain[]): string | null {
  const missing = names.filter((name) => findToolchain(name) === null);
  if (missing.length === 0) return null;
  return missing.map((name) => `${EXECUTABLE[name]} was not found: ${HOW_TO_GET[name]}`).join('; ');
}

/** True in CI, where a missing toolchain fails the tier instead of skipping it. */
export const inCi = /^(1|true)$/i.test(process.env.CI ?? '');

/** A PATH that puts every found toolchain's directory first, for child processes (mvn needs java, go vet needs go). */
export function toolchainPath(): string {
  const dirs = (['go', 'java', 'mvn', 'python'] as Toolchain[])
    .map(findToolchain)
    .filter((p): p is string => p !== null)
    .map((p) => p.slice(0, p.lastIndexOf('/')));
  return [...new Set([...dirs, ...(process.env.PATH ?? '').split(delimiter)])].join(delimiter);
}

/**
 * What identifies an installed toolchain in the run cache's keys (tests/support/run-cache.ts) without
 * starting it: its executable's real path and modification time (an upgrade replaces the file),
 * and for a JDK the runtime version its `release` file states.
 */
export function toolchainIdentity(name: Toolchain): string {
  const path = findToolchain(name);
  if (!path) return `${name} (not installed)`;
  const real = realpathSync(path);
  const release = join(dirname(dirname(real)), 'release');
  const jdk = existsSync(release) ? /^JAVA_RUNTIME_VERSION="([^"]+)"/m.exec(readFileSync(release, 'utf8'))?.[1] : undefined;
  return `${real}@${statSync(real).mtimeMs}${jdk ? ` (${jdk})` : ''}`;
}
