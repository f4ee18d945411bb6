import { GrafanaClientError } from './errors.js';

/**
 * Validates a Grafana base URL and returns it without a trailing slash.
 * Credentials in the URL are refused (they would end up in logs); pass them as `auth`.
 */
export function normalizeBaseUrl(baseUrl: unknown): string {
  if (typeof baseUrl !== 'string' || baseUrl.trim() === '') {
    throw new GrafanaClientError('baseUrl is missing: pass the Grafana server URL, for example http://localhost:3000.');
  }
  // `localhost:3000` parses as a URL of the scheme `localhost:`: say what is missing instead.
  if (!baseUrl.includes('://')) {
    const shown = baseUrl.trim().replace(/^\/+/, '').replace(/^[^/@\s]*@/, '***@');
    throw new GrafanaClientError(`baseUrl "${shown}" has no scheme: add http:// (or https://), e.g. http://${shown.replace(/^\*\*\*@/, '')}.`);
  }
  let url: URL;
  try {
    url = new URL(baseUrl.trim());
  } catch {
    throw new GrafanaClientError(`baseUrl "${redactUrl(baseUrl)}" is not a valid URL: use an absolute http(s) URL such as http://localhost:3000.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new GrafanaClientError(`baseUrl "${redactUrl(baseUrl)}" uses ${url.protocol.replace(':', '')}: use an http or https URL such as http://localhost:3000.`);
  }
  if (url.username || url.password) {
    throw new GrafanaClientError(`baseUrl "${redactUrl(baseUrl)}" contains credentials: remove them from the URL and pass them as auth.`);
  }
  if (url.search || url.hash) {
    throw new GrafanaClientError(`baseUrl "${url.origin}${url.pathname}" has a query or fragment: pass only the server's root URL.`);
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/** Replaces any user:password@ part of a URL-like string, for messages. */
export function redactUrl(value: string): string {
  return value.replace(/\/\/[^/@\s]*@/, '//***@');
}
