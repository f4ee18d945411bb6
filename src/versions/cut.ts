import semver from 'semver';
import { atPointer, HTTP_METHODS, type OpenApiDocument } from '../spec.js';

// Cuts the union document (Grafana 8.0.0 and later, with the version data of spec/VERSIONS.md)
// down to what one Grafana version has. Works on the 3.1 and the 3.0 form alike: it only removes
// operations, parameters, responses, media types, examples, properties and enum values, and
// retypes the path ids that accept a UID.

type Node = Record<string, unknown>;
type Answer = { status: number; message: string | null; versions: string; contentType?: string };

const VERSIONS = 'x-grafana-versions';
const REQUIRED = 'x-grafana-required';
const ENUM_VERSIONS = 'x-grafana-enum-versions';
const ACCEPTS_UID = 'x-grafana-accepts-uid';
const ANSWERS = 'x-grafana-answers';
const NAMES = 'x-grafana-names';

/** The name a property has in the version: the one of `x-grafana-names` whose range holds, else its own. */
function nameIn(version: string, name: string, property: unknown): string {
  const names = isNode(property) && isNode(property[NAMES]) ? (property[NAMES] as Record<string, string>) : {};
  return Object.entries(names).find(([, range]) => semver.satisfies(version, range))?.[0] ?? name;
}

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);

/** An operation that the version does not have, and the versions that do. */
export interface AbsentOperation {
  operationId: string;
  method: string;
  path: string;
  versions: string;
}

export function cutForVersion(union: OpenApiDocument, version: string): OpenApiDocument {
  const doc = structuredClone(union);
  const has = (node: unknown) => !isNode(node) || typeof node[VERSIONS] !== 'string' || semver.satisfies(version, node[VERSIONS] as string);
  const resolve = (node: unknown): unknown => {
    for (let depth = 0; isNode(node) && typeof node.$ref === 'string' && depth < 20; depth++) node = pointer(doc, node.$ref as string);
    return node;
  };
  const absent: AbsentOperation[] = [];

  for (const [path, item] of Object.entries(doc.paths)) {
    item.parameters = keepParameters(item.parameters, has, resolve);
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!isNode(op)) continue;
      if (!has(op)) {
        absent.push({ operationId: String(op.operationId), method: method.toUpperCase(), path, versions: String(op[VERSIONS]) });
        delete item[method];
        continue;
      }
      op.parameters = keepParameters(op.parameters, has, resolve);
      if (isNode(op.requestBody)) cutContent(resolve(op.requestBody), has, resolve, () => true, version);
      const answers = (op[ANSWERS] as Answer[] | undefined) ?? [];
      delete op[ANSWERS];
      const responses = op.responses as Node;
      for (const [status, response] of Object.entries(responses)) {
        const ofStatus = answers.filter((a) => String(a.status) === status);
        const given = ofStatus.filter((a) => semver.satisfies(version, a.versions));
        if ((ofStatus.length && !given.length) || !has(response)) {
          delete responses[status];
          continue;
        }
        // An example whose message is one of the status's answers exists where the answer does.
        const exampleKept = (example: unknown) => {
          const message = isNode(example) && isNode(example.value) ? example.value.message : isNode(example) ? example.value : undefined;
          if (typeof message !== 'string' || !ofStatus.some((a) => a.message === message)) return has(example);
          return given.some((a) => a.message === message);
        };
        // A shared response (e.g. Unauthorized) is copied into the operation, so that its examples
        // follow this operation's answers.
        const own = isNode(response) && typeof response.$ref === 'string' ? structuredClone(resolve(response)) : response;
        if (!isNode(own)) {
          delete responses[status];
          continue;
        }
        responses[status] = own;
        cutContent(own, has, resolve, exampleKept, version);
      }
    }
    if (!HTTP_METHODS.some((m) => item[m])) delete doc.paths[path];
  }
  for (const parameter of Object.values((doc.components?.parameters ?? {}) as Node)) retypeUidParameter(parameter, version);
  for (const op of operationsOf(doc)) for (const p of (op.parameters as unknown[] | undefined) ?? []) retypeUidParameter(p, version);
  walkSchemas(doc, (schema) => cutSchema(schema, version, has));
  dropUnused(doc);
  doc['x-grafana-absent-operations'] = absent;
  return doc;
}

function operationsOf(doc: OpenApiDocument): Node[] {
  return Object.values(doc.paths).flatMap((item) => HTTP_METHODS.map((m) => item[m]).filter(isNode));
}

function keepParameters(parameters: unknown, has: (n: unknown) => boolean, resolve: (n: unknown) => unknown): unknown[] | undefined {
  if (!Array.isArray(parameters)) return undefined;
  return parameters.filter((p) => has(p) && has(resolve(p)));
}

/** Removes the media types and examples of a response or request body that the version has not. */
function cutContent(node: unknown, has: (n: unknown) => boolean, resolve: (n: unknown) => unknown, exampleKept: (example: unknown) => boolean, version: string): void {
  if (!isNode(node) || !isNode(node.content)) return;
  for (const [type, media] of Object.entries(node.content)) {
    if (!has(media)) {
      delete node.content[type];
      continue;
    }
    if (!isNode(media) || !isNode(media.examples)) continue;
    for (const [name, example] of Object.entries(media.examples)) {
      const value = resolve(example);
      if (!has(example) || !exampleKept(value)) delete media.examples[name];
      // The version's example leaves out the fields that version does not send.
      else if (isNode(value)) value.value = withoutAbsentFields(value.value, media.schema, has, resolve, version);
    }
    if (!Object.keys(media.examples).length) delete media.examples;
  }
}

/**
 * An example value without the properties its schema says the version has not, and with the
 * names the version gives them (before the schemas are cut).
 */
function withoutAbsentFields(value: unknown, schema: unknown, has: (n: unknown) => boolean, resolve: (n: unknown) => unknown, version: string): unknown {
  const resolved = resolve(schema);
  if (!isNode(resolved)) return value;
  if (Array.isArray(resolved.allOf)) for (const part of resolved.allOf) value = withoutAbsentFields(value, part, has, resolve, version);
  if (Array.isArray(value)) return resolved.items ? value.map((item) => withoutAbsentFields(item, resolved.items, has, resolve, version)) : value;
  if (!isNode(value) || !isNode(resolved.properties)) return value;
  const kept: Node = {};
  for (const [key, field] of Object.entries(value)) {
    const property = resolved.properties[key];
    if (property === undefined) kept[key] = field;
    else if (has(property) && has(resolve(property))) kept[nameIn(version, key, property)] = withoutAbsentFields(field, property, has, resolve, version);
  }
  return kept;
}

/** A path id that accepts a UID in this version is a string there (see spec/VERSIONS.md). */
function retypeUidParameter(parameter: unknown, version: string): void {
  if (!isNode(parameter) || typeof parameter[ACCEPTS_UID] !== 'string') return;
  const since = parameter[ACCEPTS_UID] as string;
  if (!semver.gte(version, since)) return;
  const schema = isNode(parameter.schema) ? parameter.schema : {};
  const example = schema.example ?? (Array.isArray(schema.examples) ? schema.examples[0] : undefined);
  parameter.schema = { type: 'string', minLength: 1, ...(example !== undefined ? { example: String(example) } : {}) };
  parameter.description = `The numeric ID, or the UID (accepted from Grafana ${since}), of the ${String(parameter.name) === 'id' ? 'object' : String(parameter.name).replace(/Id$/, '')}. A number goes in its decimal form.`;
}

/** Removes the properties and enum values a schema does not have in the version, names properties as it does; adds what it requires. */
function cutSchema(schema: Node, version: string, has: (n: unknown) => boolean): void {
  if (isNode(schema.properties)) {
    const required = (Array.isArray(schema.required) ? (schema.required as string[]) : []).filter((name) => has((schema.properties as Node)[name]));
    const properties: Node = {};
    for (const [name, property] of Object.entries(schema.properties)) {
      if (!has(property)) continue;
      const named = nameIn(version, name, property);
      properties[named] = property;
      if (required.includes(name)) required.splice(required.indexOf(name), 1, named);
      if (isNode(property) && typeof property[REQUIRED] === 'string' && semver.satisfies(version, property[REQUIRED] as string) && !required.includes(named)) required.push(named);
    }
    schema.properties = properties;
    if (required.length) schema.required = required;
    else delete schema.required;
  }
  if (Array.isArray(schema.enum) && isNode(schema[ENUM_VERSIONS])) {
    const ranges = schema[ENUM_VERSIONS] as Record<string, string>;
    schema.enum = schema.enum.filter((value) => ranges[String(value)] === undefined || semver.satisfies(version, ranges[String(value)]!));
  }
}

/** Calls `visit` on every schema object of the document (components and inline). */
function walkSchemas(doc: OpenApiDocument, visit: (schema: Node) => void): void {
  const seen = new Set<unknown>();
  const walk = (node: unknown, isSchema: boolean): void => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n, isSchema));
    if (!isNode(node) || seen.has(node)) return;
    seen.add(node);
    if (isSchema) visit(node);
    for (const [key, value] of Object.entries(node)) {
      if (key === 'example' || key === 'examples' || key === 'x-grafana-absent-operations') continue;
      if (isSchema && key === 'properties' && isNode(value)) {
        Object.values(value).forEach((v) => walk(v, true));
      } else if (key === 'schema' || (isSchema && ['items', 'additionalProperties', 'not', 'allOf', 'anyOf', 'oneOf', 'prefixItems', 'unevaluatedProperties'].includes(key))) {
        walk(value, true);
      } else if (key === 'schemas' && !isSchema) {
        Object.values(value as Node).forEach((v) => walk(v, true));
      } else {
        walk(value, false);
      }
    }
  };
  walk(doc, false);
}

/** Removes components that nothing the version has refers to any more. */
function dropUnused(doc: OpenApiDocument): void {
  const components = (doc.components ?? {}) as Record<string, Node>;
  const used = new Set<string>();
  const collect = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(collect);
    if (!isNode(node)) return;
    if (typeof node.$ref === 'string' && node.$ref.startsWith('#/components/') && !used.has(node.$ref)) {
      used.add(node.$ref);
      collect(pointer(doc, node.$ref));
    }
    for (const value of Object.values(node)) collect(value);
  };
  collect(doc.paths);
  // Security schemes are named, not referenced.
  collect(doc.security);
  for (const [kind, entries] of Object.entries(components)) {
    if (kind === 'securitySchemes') continue;
    for (const name of Object.keys(entries)) if (!used.has(`#/components/${kind}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`)) delete entries[name];
  }
}

/** What a local `$ref` (`#/components/...`) points at, without following a `$ref` found there. */
const pointer = (doc: unknown, ref: string): unknown => atPointer(doc, ref.slice(1));
