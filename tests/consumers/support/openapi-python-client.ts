import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { mypyOnce, pipInstallOnce, pythonVenv, TOOLS } from './cache.js';
import { exec } from './exec.js';
import { generateOnce } from '../../support/run-cache.js';
import { toolchainPath } from './toolchains.js';

// openapi-python-client (PyPI, pinned in tools.json) and what its client needs to be installed,
// type-checked and run: one cached venv with exactly these pins. The generated package is
// installed into a folder of the caller's temp dir (on PYTHONPATH), so the cached venv stays
// unchanged and can be shared by test workers.
export const REQUIREMENTS = [
  `openapi-python-client==${TOOLS.openapiPythonClient}`,
  `mypy==${TOOLS.mypy}`,
  `httpx==${TOOLS.httpx}`,
  `attrs==${TOOLS.attrs}`,
  `setuptools==${TOOLS.setuptools}`,
];

/** The driver imports the generated package under this name (set through the generator's config). */
export const PACKAGE = 'grafana_api_client';

/**
 * The warnings of an openapi-python-client run, one string each. It prints them on stderr after a
 * "Warning(s) encountered" (or "Error(s) encountered") line, each as paragraphs (header, detail,
 * the offending part of the document as JSON), and ends an entry with an empty paragraph or with
 * the JSON.
 */
export function parseWarnings(stderr: string): string[] {
  const lines = stderr.split('\n');
  const start = lines.findIndex((l) => /^(Warning|Error)\(s\) encountered/.test(l));
  if (start < 0) return [];
  const end = lines.findIndex((l, i) => i > start && l.startsWith('If you believe this was a mistake'));
  const warnings: string[] = [];
  let entry: string[] = [];
  let paragraph: string[] = [];
  let blanks = 0;
  const closeEntry = () => {
    if (entry.length > 0) warnings.push(entry.join(' | '));
    entry = [];
  };
  for (const line of lines.slice(start + 1, end < 0 ? undefined : end)) {
    if (line.trim() === '') {
      if (paragraph.length > 0) {
        const text = paragraph.join('\n');
        entry.push(text.startsWith('{') ? JSON.stringify(JSON.parse(text)) : text);
        paragraph = [];
        if (text.startsWith('{')) closeEntry();
        blanks = 1;
      } else if (++blanks === 2) closeEntry();
    } else {
      paragraph.push(line);
    }
  }
  if (paragraph.length > 0) entry.push(paragraph.join('\n'));
  closeEntry();
  // A run that ended in an error has no client to test: keep its headline, so it is never 0.
  if (lines[start]!.startsWith('Error') && warnings.length === 0) warnings.push(lines[start]!);
  return warnings;
}

export interface PythonClient {
  python: string;
  /** Where the generated package is installed (put it on PYTHONPATH). */
  site: string;
  warnings: string[];
  /** The generator's full output, for failure messages. */
  output: string;
}

/** Generates the client from `spec` into `root` (or takes it from the generation cache), then pip-installs it into `root`/site. */
export async function generatePythonClient(spec: string, root: string): Promise<PythonClient> {
  const python = await pythonVenv(REQUIREMENTS);
  const bin = dirname(python);
  // The generator formats its output with ruff from the venv; without it on PATH it warns.
  const env = { PATH: `${bin}:${toolchainPath()}` };
  const config = join(root, 'openapi-python-client.yaml');
  writeFileSync(config, `package_name_override: ${PACKAGE}\nproject_name_override: grafana-api-client\n`);
  const project = join(root, 'project');
  const generation = { tool: `openapi-python-client ${TOOLS.openapiPythonClient}`, args: ['generate', '--meta', 'setup'], inputs: [spec, config] };
  const generated = await generateOnce(generation, project, (folder) =>
    exec(join(bin, 'openapi-python-client'), ['generate', '--path', spec, '--output-path', folder, '--meta', 'setup', '--config', config], { env, cwd: root }),
  );
  const output = `${generated.stdout}\n${generated.stderr}`;
  const warnings = parseWarnings(generated.stderr);
  if (generated.code !== 0) throw new Error(`openapi-python-client failed (${generated.code}):\n${output}`);
  const site = join(root, 'site');
  await pipInstallOnce(python, project, site, env);
  return { python, site, warnings, output };
}

/**
 * `mypy --strict` over the installed package and the given files; returns its exit code and output.
 * Runs one after the other may share a `cacheDir` (mypy checks each cached module against its source).
 */
export async function mypyStrict(client: PythonClient, files: string[], cwd: string, cacheDir = join(cwd, '.mypy_cache')) {
  const result = await mypyOnce(client.python, REQUIREMENTS, { flags: ['--strict'], files: [join(client.site, PACKAGE), ...files], mypyPath: client.site, cacheDir, cwd });
  return { code: result.code, output: `${result.stdout}${result.stderr}`.trim() };
}
