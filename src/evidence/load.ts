import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { ENTRY_SCHEMA_URL, type EvidenceFile } from './entry.js';

/** An evidence folder or file that cannot be used; the message is one line and says what to do. */
export class EvidenceFileError extends Error {
  override name = 'EvidenceFileError';
}

let validateFile: ValidateFunction | undefined;

/** Every `*.json` file under the folders, recursively, sorted so that output is stable. */
export function findEvidenceFiles(dirs: string[]): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (err) {
      throw new EvidenceFileError(`${dir}: cannot read the folder (${(err as NodeJS.ErrnoException).code ?? 'error'}); pass a folder of evidence files.`);
    }
    for (const name of names) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.json')) files.push(path);
    }
  };
  for (const dir of dirs) {
    let isDir: boolean;
    try {
      isDir = statSync(dir).isDirectory();
    } catch (err) {
      throw new EvidenceFileError(`${dir}: cannot read the folder (${(err as NodeJS.ErrnoException).code ?? 'error'}); pass a folder of evidence files.`);
    }
    if (!isDir) throw new EvidenceFileError(`${dir}: not a folder; pass the folders that hold the evidence files (*.json).`);
    walk(dir);
  }
  return files;
}

/** Reads an evidence file and checks it against entry.schema.json. */
export function loadEvidenceFile(file: string): EvidenceFile {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    const reason = err instanceof SyntaxError ? `not valid JSON (${err.message})` : `cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`;
    throw new EvidenceFileError(`${file}: ${reason}; fix or remove the file.`);
  }
  validateFile ??= new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(ENTRY_SCHEMA_URL, 'utf8')) as object);
  if (!validateFile(data)) {
    const first = validateFile.errors?.[0];
    const where = first?.instancePath ? first.instancePath.slice(1) : '(root)';
    const allowed = first?.params && 'allowedValues' in first.params ? ` (${(first.params.allowedValues as unknown[]).join(', ')})` : '';
    const extra = first?.params && 'additionalProperty' in first.params ? ` "${String(first.params.additionalProperty)}"` : '';
    throw new EvidenceFileError(`${file}: not an evidence file: ${where} ${first?.message ?? 'is invalid'}${extra}${allowed}; fix it to match src/evidence/entry.schema.json.`);
  }
  return data as EvidenceFile;
}
