import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The shell blocks of the README and of the guides under docs/. A block marked with
// `<!-- readme-block: NAME [needs=A,B] [exit=N] [twice=yes] [replay=yes reads=PATH,PATH] -->` on
// the line before its fence is run by tests/consumers/readme-commands.test.ts in a fresh clone;
// `needs` names blocks that run first in the same shell (a variable they set), `exit` the exit
// code the block is documented to end with, `twice` that the block is run a second time (it must
// work over its own output), `replay` that its passing run may be replayed from the run cache
// while nothing it depends on changed, and `reads` the files of the repository it depends on
// (besides its own text, the toolchains and, when it calls the mock, the mock's answers).
export interface ReadmeBlock {
  /** The document, relative to the repository's top folder: `README.md`, `docs/clients.md`, … */
  file: string;
  name: string | null;
  needs: string[];
  exit: number;
  twice: boolean;
  /** Its passing run may be replayed (see readme-commands.test.ts); otherwise it always runs. */
  replay: boolean;
  /** Files or folders of the repository whose bytes, with the block's text, decide its outcome. */
  reads: string[];
  /** The commands, without the fence and the list indentation. */
  script: string;
  line: number;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const README = `${ROOT}README.md`;

/** The documents whose shell blocks are run: the README, then the guides in name order. */
export function documents(): string[] {
  return ['README.md', ...readdirSync(`${ROOT}docs`).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`)];
}

/** The shell blocks of one document's text. */
export function readmeShellBlocks(text = readFileSync(README, 'utf8'), file = 'README.md'): ReadmeBlock[] {
  const lines = text.split('\n');
  const blocks: ReadmeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const fence = /^(\s*)```sh\s*$/.exec(lines[i]!);
    if (!fence) continue;
    const indent = fence[1]!.length;
    const end = lines.findIndex((line, j) => j > i && line.trim() === '```');
    const script = lines.slice(i + 1, end).map((line) => line.slice(indent)).join('\n');
    const marker = /<!-- readme-block: ([\w-]+)((?: [\w-]+=[^ ]+)*) -->/.exec(lines[i - 1] ?? '');
    const attrs = Object.fromEntries([...(marker?.[2] ?? '').matchAll(/([\w-]+)=([^ ]+)/g)].map((m) => [m[1]!, m[2]!]));
    blocks.push({ file, name: marker?.[1] ?? null, needs: attrs.needs?.split(',') ?? [], exit: Number(attrs.exit ?? 0), twice: attrs.twice === 'yes', replay: attrs.replay === 'yes', reads: attrs.reads?.split(',') ?? [], script, line: i + 1 });
    i = end;
  }
  return blocks;
}

/** Every shell block of the README and the guides, in reading order. */
export function documentShellBlocks(): ReadmeBlock[] {
  return documents().flatMap((file) => readmeShellBlocks(readFileSync(`${ROOT}${file}`, 'utf8'), file));
}

/**
 * The shell blocks no test runs as written, by their first line, with the reason. Every other
 * block must be marked and is run.
 */
export const NOT_RUN: Record<string, string> = {
  'npm ci && npm test': 'the whole suite, which .ci/run runs (tests/readme.test.ts checks the two agree)',
  '# basic auth as a server administrator: every case a real server can answer': 'needs a Grafana and its credentials; basic-auth and token runs are tested against a fake Grafana that enforces org roles (tests/cli/)',
  'GRAFANA_TOKEN=glsa_… npm run conformance -- --url https://grafana.example.com --grafana-version 11.6 --report report.html': 'needs a Grafana that hides its version; --grafana-version is tested against the fake Grafana',
  'npm run spec:diff -- --grafana-versions 10.4 11.1': 'builds oasdiff from the Go module proxy on first use; tests/scripts/version-diff.test.ts runs this mode on a copy of the project',
  'GRAFANA_ADMIN_PASSWORD=choose-one docker compose up -d --wait': 'needs a Docker engine; compose.yaml is checked with dclint instead',
  'npm ci': 'needs a Grafana on localhost:3000 to record from; --record is tested against fake and mock targets',
  'GRAFANA_TOKEN=glsa_… npm run cli -- conformance --url https://<stack>.grafana.net --report report.xml': 'needs a Grafana Cloud stack and its token; token runs are tested against a fake Grafana that enforces org roles and against the mock as a --url target',
  'GRAFANA_TOKEN=glsa_… npm run cli -- conformance --url https://<stack>.grafana.net --allow-org-writes --report report.xml': 'the same, with --allow-org-writes (tested the same way)',
};
