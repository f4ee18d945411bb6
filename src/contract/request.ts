import type { CaseRequest } from './types.js';

/** Fills a path template (`/api/users/{id}`) with URL-encoded values. */
export function fillPath(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for path parameter "${name}"`);
    return encodeURIComponent(String(value));
  });
}

/** Builds the fetch URL and init for a case request. */
export function buildRequest(baseUrl: string, method: string, template: string, request: CaseRequest, authorization: string | undefined) {
  const url = new URL(`${baseUrl}${fillPath(template, request.path)}`);
  for (const [key, value] of Object.entries(request.query ?? {})) url.searchParams.set(key, String(value));
  const headers: Record<string, string> = { Accept: 'application/json', ...request.headers };
  if (authorization) headers.Authorization = authorization;
  let body: string | undefined;
  if (request.body !== undefined) {
    body = typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
    headers['Content-Type'] ??= 'application/json';
  }
  return { url: url.toString(), init: { method: method.toUpperCase(), headers, body } satisfies RequestInit };
}
