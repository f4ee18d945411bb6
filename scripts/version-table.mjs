// The table of which Grafana version each operation appeared in and was removed in, read from the
// operations' `x-grafana-versions` ranges in the union bundle (spec/VERSIONS.md). `npm run docs`
// puts it into the rendered page (a section of the spec's description, which Redoc renders) and
// writes it as versions.md beside the page.
import semver from 'semver';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
/** The oldest version the contract covers: a range starting there says nothing about appearing. */
const COVERED_FROM = '8.0.0';
export const VERSIONS_HEADING = 'Operations by Grafana version';

const plain = (version) => `${version.major}.${version.minor}.${version.patch}`;

/**
 * The spans of versions a range allows, as `{ from, until }` (`until`: the first version without
 * it, null when the newest versions have it). `from` is never before the covered 8.0.0.
 */
export function spansOf(range) {
  return new semver.Range(range).set.map((comparators) => {
    let from = COVERED_FROM;
    let until = null;
    for (const { operator, semver: version } of comparators) {
      if (version === semver.Comparator.ANY || typeof version === 'symbol') continue;
      // `<12.0.0-0` (from `^11.1.0`) means the same as `<12.0.0` for releases.
      const at = plain(version);
      const next = semver.inc(at, 'patch');
      if (operator === '>=' && semver.gt(at, from)) from = at;
      if (operator === '>' && semver.gt(next, from)) from = next;
      if (operator === '<') until = until && semver.lt(until, at) ? until : at;
      if (operator === '<=') until = until && semver.lt(until, next) ? until : next;
      if (operator === '') [from, until] = [at, next];
    }
    return { from, until };
  });
}

/** One row per operation of the union bundle, in the bundle's order. */
export function operationVersions(union) {
  const rows = [];
  for (const [path, item] of Object.entries(union.paths ?? {})) {
    for (const method of METHODS) {
      const op = item?.[method];
      if (!op || typeof op !== 'object') continue;
      const range = typeof op['x-grafana-versions'] === 'string' ? op['x-grafana-versions'] : null;
      const approximate = typeof op['x-grafana-versions-approximate'] === 'string' ? op['x-grafana-versions-approximate'] : null;
      rows.push({ operationId: op.operationId, method: method.toUpperCase(), path, range, approximate, spans: range ? spansOf(range) : [{ from: COVERED_FROM, until: null }] });
    }
  }
  return rows;
}

const cell = (text) => String(text).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
const appeared = ({ from }) => (from === COVERED_FROM ? `≤ ${COVERED_FROM}` : from);

/**
 * The table as Markdown (GitHub's table syntax, which Redoc renders too), under a heading:
 * the operations that exist only in some versions first (by the version they appeared in), then
 * the others in the bundle's order.
 */
export function renderVersionTable(union, { level = 2 } = {}) {
  const rows = operationVersions(union);
  const releases = Array.isArray(union['x-grafana-releases']) ? union['x-grafana-releases'] : [];
  const versioned = rows.filter((row) => row.range).sort((a, b) => semver.compare(a.spans[0].from, b.spans[0].from) || a.path.localeCompare(b.path));
  const always = rows.filter((row) => !row.range);
  const lines = [
    `${'#'.repeat(level)} ${VERSIONS_HEADING}`,
    '',
    [
      `${versioned.length} of the ${rows.length} operations ${versioned.length === 1 ? 'exists' : 'exist'} only in some of the Grafana versions the contract covers`,
      `(${COVERED_FROM}${releases.length ? ` to the ${releases.at(-1)} line` : ' and later'}); the others are in every one of them.`,
      `"≤ ${COVERED_FROM}": already in ${COVERED_FROM}, the oldest version the contract covers. "Removed in": the first version without the operation.`,
      'A boundary is exact when the upstream handler was read on both sides of it, a pull request is mapped to its release through',
      "Grafana's changelog, or a real response with its version shows it; otherwise it is marked approximate, with why.",
    ].join(' '),
    '',
    '| Operation | Appeared in | Removed in | Boundary |',
    '|---|---|---|---|',
  ];
  for (const row of [...versioned, ...always]) {
    // Narrow enough for Redoc's middle column: the operationId, and under it the method and the
    // path, which may wrap after each slash.
    const operation = `\`${row.operationId}\`<br>${row.method} ${row.path.replace(/\//g, '/<wbr>')}`;
    const boundary = !row.range ? '' : row.approximate ? `approximate: ${cell(row.approximate)}` : 'exact';
    lines.push(`| ${operation} | ${row.spans.map(appeared).join('; ')} | ${row.spans.map((s) => s.until ?? '–').join('; ')} | ${boundary} |`);
  }
  return `${lines.join('\n')}\n`;
}
