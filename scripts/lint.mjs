#!/usr/bin/env node
// Runs `redocly lint` on the spec and on the OpenAPI 3.0.3 bundle converted from it, and fails
// on any problem, warnings included: Redocly itself exits 0 when there are only warnings.
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const redocly = join(root, 'node_modules', '.bin', 'redocly');

/** Lints the given files (none: the `apis` of redocly.yaml); true when there is no problem. */
function lint(files) {
  const result = spawnSync(redocly, ['lint', ...files, '--format=stylish'], { cwd: root, encoding: 'utf8' });
  // Drop Redocly's boxed banners (e.g. its Node.js deprecation notice): they are not lint results.
  const output = `${result.stdout}${result.stderr}`
    .split('\n')
    .filter((line) => !/[║╔╚]/.test(line))
    .join('\n')
    .trim();
  console.log(output);
  const warnings = /(\d+) warnings?/.exec(output);
  return !(result.status !== 0 || (warnings && Number(warnings[1]) > 0) || /\bwarning\b/i.test(output));
}

const clean = [lint([]), lint(['generated/openapi-3.0.json'])].every(Boolean);
if (!clean) {
  console.error('lint: the spec has problems (warnings count as failures).');
  process.exit(1);
}
