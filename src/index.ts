export { createGrafanaClient, type GrafanaClient, type GrafanaClientOptions } from './client.js';
export type { GrafanaAuth, BasicAuth, TokenAuth } from './auth.js';
export { GrafanaClientError, GrafanaRequestError } from './errors.js';
export type { paths, components, operations } from '../generated/schema.js';
