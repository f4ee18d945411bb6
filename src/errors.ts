/**
 * Errors this library throws on purpose. Their messages are one line, say what was wrong and
 * what to do, and never contain a password or token.
 */
export class GrafanaClientError extends Error {
  override name = 'GrafanaClientError';
}

/** A request could not be completed: the server was unreachable or did not answer in time. */
export class GrafanaRequestError extends Error {
  override name = 'GrafanaRequestError';
}
