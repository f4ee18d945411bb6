import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The README's shell blocks. A block marked with `<!-- readme-block: NAME [needs=A,B] [exit=N] -->`
// on the line before its fence is run by tests/consumers/readme-commands.test.ts in a fresh
// clone; `needs` names blocks that run first in the same shell (a variable they set), `exit` the
// exit code the block is documented to end with.
export interface ReadmeBlock {
  name: string | null;
  needs: string[];
  exit: number;
  /** The commands, without the fence and the list indentation. */
  script: string;
  line: number;
}

export const README = fileURLToPath(new URL('../../README.md', import.meta.url));

export function readmeShellBlocks(text = readFileSync(README, 'utf8')): ReadmeBlock[] {
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
    blocks.push({ name: marker?.[1] ?? null, needs: attrs.needs?.split(',') ?? [], exit: Number(attrs.exit ?? 0), script, line: i + 1 });
    i = end;
  }
  return blocks;
}

/**
 * The shell blocks no test runs as written, by their first line, with the reason. Every other
 * block must be marked and is run.
 */
export const NOT_RUN: Record<string, string> = {
  'npm ci && npm test': 'the whole suite, which .ci/run runs (tests/readme.test.ts checks the two agree)',
  'GRAFANA_ADMIN_PASSWORD=choose-one docker compose up -d --wait': 'needs a Docker engine; compose.yaml is checked with dclint instead',
  'npm ci': 'needs a Grafana on localhost:3000 to record from; --record is tested against fake and mock targets',
  'GRAFANA_TOKEN=glsa_… npm run cli -- conformance --url https://<stack>.grafana.net --report report.xml': 'needs a Grafana Cloud stack and its token; token runs are tested against a fake Grafana that enforces org roles and against the mock as a --url target',
  'GRAFANA_TOKEN=glsa_… npm run cli -- conformance --url https://<stack>.grafana.net --allow-org-writes --report report.xml': 'the same, with --allow-org-writes (tested the same way)',
};
