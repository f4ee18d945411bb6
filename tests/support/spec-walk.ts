import { pointerSegment, resolveRef, type OpenApiDocument } from '../../src/spec.js';

export interface ExampleSite {
  /** Where the example is, for messages. */
  where: string;
  /** JSON pointer of the schema it must satisfy. */
  schemaPointer: string;
  value: unknown;
}

const join = (...parts: string[]) => parts.map(pointerSegment).join('/');

/**
 * Every example in the document with the schema it belongs to: named examples of media types and
 * parameters, and the `example` keyword of every schema (components and inline).
 */
export function collectExamples(doc: OpenApiDocument): ExampleSite[] {
  const sites: ExampleSite[] = [];
  const visitSchema = (schema: unknown, pointer: string): void => {
    if (!schema || typeof schema !== 'object') return;
    if (Array.isArray(schema)) return schema.forEach((s, i) => visitSchema(s, `${pointer}/${i}`));
    const s = schema as Record<string, unknown>;
    if ('example' in s) sites.push({ where: pointer, schemaPointer: pointer, value: s.example });
    for (const key of ['properties', 'patternProperties', '$defs']) {
      const map = s[key] as Record<string, unknown> | undefined;
      if (map) for (const [name, sub] of Object.entries(map)) visitSchema(sub, `${pointer}/${key}/${pointerSegment(name)}`);
    }
    for (const key of ['items', 'additionalProperties', 'not', 'oneOf', 'anyOf', 'allOf', 'prefixItems']) {
      if (s[key] && typeof s[key] === 'object') visitSchema(s[key], `${pointer}/${key}`);
    }
  };
  const visitMedia = (media: Record<string, unknown>, pointer: string): void => {
    if (!media.schema) return;
    visitSchema(media.schema, `${pointer}/schema`);
    if ('example' in media) sites.push({ where: `${pointer}/example`, schemaPointer: `${pointer}/schema`, value: media.example });
    for (const [name, ex] of Object.entries((media.examples ?? {}) as Record<string, unknown>)) {
      const example = resolveRef<{ value?: unknown }>(doc, ex as never);
      sites.push({ where: `${pointer}/examples/${name}`, schemaPointer: `${pointer}/schema`, value: example.value });
    }
  };
  const visitContainer = (node: unknown, pointer: string): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (n.content && typeof n.content === 'object') {
      for (const [mediaType, media] of Object.entries(n.content as Record<string, Record<string, unknown>>)) visitMedia(media, `${pointer}/content/${pointerSegment(mediaType)}`);
    }
    if (n.schema && n.in) visitMedia(n, pointer); // a parameter
  };
  for (const [path, item] of Object.entries(doc.paths)) {
    const base = join('', 'paths', path);
    ((item.parameters as unknown[]) ?? []).forEach((p, i) => visitContainer(p, `${base}/parameters/${i}`));
    for (const [method, op] of Object.entries(item)) {
      if (typeof op !== 'object' || op === null || method === 'parameters') continue;
      const o = op as Record<string, unknown>;
      ((o.parameters as unknown[]) ?? []).forEach((p, i) => visitContainer(p, `${base}/${method}/parameters/${i}`));
      visitContainer(o.requestBody, `${base}/${method}/requestBody`);
      for (const [status, r] of Object.entries((o.responses ?? {}) as Record<string, unknown>)) visitContainer(r, `${base}/${method}/responses/${status}`);
    }
  }
  for (const [section, entries] of Object.entries(doc.components ?? {})) {
    for (const [name, entry] of Object.entries(entries)) {
      const pointer = join('', 'components', section, name);
      if (section === 'schemas') visitSchema(entry, pointer);
      else if (section === 'responses' || section === 'requestBodies' || section === 'parameters') visitContainer(entry, pointer);
    }
  }
  return sites;
}
