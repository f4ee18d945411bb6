import { readFileSync } from 'node:fs';

/** This package's name and version, from its package.json (next to src/ and dist/). */
export const TOOL = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
