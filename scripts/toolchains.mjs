// Where toolchains and cached tools are found, for scripts and tests alike: without a login
// shell's PATH (CI runs non-interactively), so the usual install folders are searched too.
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

/** Folders searched for an executable: PATH first, then the usual install places. */
export function candidateDirs() {
  const home = homedir();
  const listed = (dir, sub) => {
    try {
      return readdirSync(dir).sort().reverse().map((name) => join(dir, name, sub));
    } catch {
      return [];
    }
  };
  return [
    ...(process.env.PATH ?? '').split(delimiter).filter(Boolean),
    ...(process.env.GOROOT ? [join(process.env.GOROOT, 'bin')] : []),
    ...(process.env.JAVA_HOME ? [join(process.env.JAVA_HOME, 'bin')] : []),
    '/usr/local/go/bin', join(home, 'go', 'bin'), join(home, 'sdk', 'go', 'bin'),
    join(home, '.pyenv', 'shims'), '/usr/local/bin', '/usr/bin', '/bin', '/opt/homebrew/bin',
    ...listed('/usr/lib/jvm', 'bin'), ...listed('/opt/maven', 'bin'),
  ];
}

/** The absolute path of an executable, or null when none of the candidate folders has it. */
export function findExecutable(name) {
  return candidateDirs().map((dir) => join(dir, name)).find((path) => existsSync(path)) ?? null;
}

/** The cache outside the repository where pinned tools are built or downloaded once. */
export const CACHE_ROOT = process.env.GRAFANA_API_CONTRACT_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'grafana-api-contract');
