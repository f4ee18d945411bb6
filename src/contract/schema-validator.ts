import { Ajv2020, type ValidateFunction, type ErrorObject } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { atPointer, type OpenApiDocument } from '../spec.js';

// ajv-formats is CommonJS; its default export arrives wrapped under NodeNext resolution.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv2020) => void;

const SPEC_ID = 'openapi.json';

/**
 * Validates JSON values against the spec's schemas with Ajv2020 (OpenAPI 3.1 schemas are JSON
 * Schema 2020-12). Validators are compiled once per schema location and cached.
 *
 * In strict mode every object schema that does not say otherwise gets
 * `unevaluatedProperties: false` at the place it is used, so a property the spec does not
 * declare is a failure. (At the place of use, not the definition, so that `allOf` extensions
 * of a schema still work.)
 */
export class SchemaValidator {
  private readonly ajv: Ajv2020;
  private readonly document: OpenApiDocument;
  private readonly cache = new Map<string, ValidateFunction>();
  /**
   * Validators by the schema's text: most response bodies are the same `$ref` (an error body, a
   * message), and their pointers differ only in the path. Refs in the document are absolute, so
   * equal text is an equal schema, and one compiled validator serves every place it appears.
   */
  private readonly byText = new Map<string, ValidateFunction>();

  constructor(doc: OpenApiDocument, readonly strict: boolean) {
    this.ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
    addFormats(this.ajv);
    this.ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
    this.ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && Math.abs(n) < 2 ** 31 });
    const copy = structuredClone(doc);
    if (strict) strictify(copy);
    this.ajv.addSchema(copy as object, SPEC_ID);
    this.document = copy;
  }

  /** Validates `value` against the schema at a JSON pointer of the document (e.g. `/components/schemas/GrafanaError`). */
  validateAt(pointer: string, value: unknown): string[] {
    const validate = this.compiled(pointer);
    return validate(value) ? [] : formatErrors(validate.errors ?? []);
  }

  /**
   * Compiles the validators for these pointers ahead of use, one at a time, letting the event
   * loop run between them: a target (Prism, a server's probe) can start meanwhile, and the run
   * then finds them compiled.
   */
  async precompile(pointers: Iterable<string>): Promise<void> {
    for (const pointer of pointers) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      this.compiled(pointer);
    }
  }

  /** How many schema locations have a validator so far. */
  get compiledCount(): number {
    return this.cache.size;
  }

  /** How many distinct schemas those locations have, i.e. how many validators Ajv compiled. */
  get distinctCount(): number {
    return new Set(this.cache.values()).size;
  }

  private compiled(pointer: string): ValidateFunction {
    let validate = this.cache.get(pointer);
    if (!validate) {
      const text = JSON.stringify(atPointer(this.document, pointer));
      validate = (text !== undefined && this.byText.get(text)) || this.ajv.compile({ $ref: `${SPEC_ID}#${pointer}` });
      if (text !== undefined) this.byText.set(text, validate);
      this.cache.set(pointer, validate);
    }
    return validate;
  }
}

function formatErrors(errors: ErrorObject[]): string[] {
  return errors.map((e) => {
    const where = e.instancePath || '(root)';
    if (e.keyword === 'unevaluatedProperties' || e.keyword === 'additionalProperties') {
      const name = (e.params as { unevaluatedProperty?: string; additionalProperty?: string }).unevaluatedProperty
        ?? (e.params as { additionalProperty?: string }).additionalProperty;
      return `${where}: property "${name}" is not declared in the spec`;
    }
    return `${where}: ${e.message ?? e.keyword}`;
  });
}

type Schema = Record<string, unknown>;
const isObject = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

function objectLike(s: Schema): boolean {
  const type = s.type;
  return '$ref' in s || 'properties' in s || 'allOf' in s || type === 'object' || (Array.isArray(type) && type.includes('object'));
}

/** Marks a schema at a place of use as closed, then its children. */
function closeNode(s: unknown): void {
  if (!isObject(s)) return;
  if (objectLike(s) && !('additionalProperties' in s) && !('unevaluatedProperties' in s)) s.unevaluatedProperties = false;
  closeChildren(s);
}

/** Closes the schemas nested in `s`, but not `s` itself; `allOf` members stay open so that the composite decides. */
function closeChildren(s: Schema): void {
  if (isObject(s.properties)) Object.values(s.properties).forEach(closeNode);
  if (isObject(s.items)) closeNode(s.items);
  if (Array.isArray(s.prefixItems)) s.prefixItems.forEach(closeNode);
  if (isObject(s.additionalProperties)) closeNode(s.additionalProperties);
  for (const key of ['oneOf', 'anyOf'] as const) if (Array.isArray(s[key])) (s[key] as unknown[]).forEach(closeNode);
  if (Array.isArray(s.allOf)) (s.allOf as unknown[]).forEach((member) => isObject(member) && closeChildren(member));
}

/** Applies strict mode to a whole document: component interiors, and every `schema` where it is used. */
function strictify(doc: OpenApiDocument): void {
  const schemas = (doc.components?.schemas ?? {}) as Record<string, unknown>;
  Object.values(schemas).forEach((s) => isObject(s) && closeChildren(s));
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!isObject(node)) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'schema' && isObject(value)) closeNode(value);
      else if (key !== 'examples' && key !== 'example') visit(value);
    }
  };
  visit(doc.paths);
  for (const [section, value] of Object.entries(doc.components ?? {})) if (section !== 'schemas') visit(value);
}
