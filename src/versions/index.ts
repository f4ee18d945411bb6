import semver from 'semver';
import { readFileSync } from 'node:fs';
import { loadBundledSpec, type OpenApiDocument } from '../spec.js';
import { cutForVersion, type AbsentOperation } from './cut.js';
import { boundaryVersions, versionedFacts } from './facts.js';
import { resolveVersion, type ResolvedVersion } from './releases.js';

export { cutForVersion, type AbsentOperation } from './cut.js';
export { resolveVersion, OLDEST_COVERED, type ResolvedVersion } from './releases.js';

export type OpenApiForm = '3.1' | '3.0';

/** The union bundle in the 3.0 form (`generated/openapi-3.0.json`), read once. */
const BUNDLED_SPEC_30_URL = new URL('../../generated/openapi-3.0.json', import.meta.url);
let union30: OpenApiDocument | undefined;

function unionOf(form: OpenApiForm): OpenApiDocument {
  if (form === '3.1') return loadBundledSpec();
  union30 ??= JSON.parse(readFileSync(BUNDLED_SPEC_30_URL, 'utf8')) as OpenApiDocument;
  return union30;
}

/** The Grafana release lines the version data knows, oldest first. */
export function knownReleases(): string[] {
  return loadBundledSpec()['x-grafana-releases'] as string[];
}

/** The contract of one Grafana version: the document, and which version it was cut for. */
export interface Contract extends ResolvedVersion {
  document: OpenApiDocument;
  /** Operations of the union that this version does not have. */
  absent: AbsentOperation[];
}

const cache = new Map<string, Contract>();

/**
 * The OpenAPI document of the Grafana version asked for (null: the newest known). Throws a
 * UsageError for a malformed version or one older than 8.0; see resolveVersion.
 */
export function contractFor(asked: string | null, form: OpenApiForm = '3.1', what?: string): Contract {
  const resolved = resolveVersion(asked, knownReleases(), what);
  const key = `${resolved.version} ${form}`;
  let cut = cache.get(key);
  if (!cut) {
    const document = cutForVersion(unionOf(form), resolved.version);
    stampVersion(document, resolved);
    cut = { ...resolved, document, absent: document['x-grafana-absent-operations'] as AbsentOperation[] };
    cache.set(key, cut);
  }
  return { ...cut, ...(resolved.warning ? { warning: resolved.warning } : { warning: undefined }) };
}

/**
 * The union of every covered version (generated/openapi.json as it is) in the place of one
 * version's contract: for checks of the whole description (a real client's every call against the
 * mock), not for judging a server. Its `version` is `union`; a mock of it reports no version.
 */
export function unionContract(): Contract {
  return { version: 'union', line: 'union', document: loadBundledSpec(), absent: [] };
}

/**
 * The Grafana version a document is the contract of (`info.x-grafana-version`, set when it was
 * cut), or null for the union of every covered version.
 */
export function contractVersionOf(doc: OpenApiDocument): string | null {
  return ((doc.info as Record<string, unknown>)['x-grafana-version'] as string | undefined) ?? null;
}

/** Names the version in the document, and in the examples that report a server's version. */
function stampVersion(doc: OpenApiDocument, resolved: ResolvedVersion): void {
  delete doc['x-grafana-releases'];
  doc.info = { ...doc.info, title: `${doc.info.title} (Grafana ${resolved.line})`, 'x-grafana-version': resolved.version } as OpenApiDocument['info'];
  const examples = (doc.components?.examples ?? {}) as Record<string, { value?: Record<string, unknown> }>;
  for (const example of Object.values(examples)) {
    const value = example.value;
    if (!value || typeof value !== 'object') continue;
    // What x-grafana-reports-version names: /api/health's `version`, /api/frontend/settings' `buildInfo.version`.
    if ((example as Record<string, unknown>)['x-grafana-reports-version'] === 'version' && typeof value.version === 'string') value.version = resolved.version;
    if ((example as Record<string, unknown>)['x-grafana-reports-version'] === 'buildInfo.version' && value.buildInfo && typeof value.buildInfo === 'object') {
      (value.buildInfo as Record<string, unknown>).version = resolved.version;
    }
  }
}

export { versionedFacts, boundaryVersions, operationRanges, type VersionedFact } from './facts.js';

/**
 * The versions worth checking one by one: every release line the data knows (X.Y.0) and every
 * version at which a fact of the data begins or ends.
 */
export function versionsWorthChecking(): string[] {
  const union = loadBundledSpec();
  const lines = knownReleases().map((line) => `${line}.0`);
  const all = new Set([...lines, ...boundaryVersions(versionedFacts(union))]);
  return [...all].sort(semver.compare);
}
