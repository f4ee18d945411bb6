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

/**
 * A problem with how the suite was called or with its target (bad option, unreachable URL, not a
 * Grafana, wrong credentials, an odd answer during set-up). The CLI prints its one-line message
 * and exits with code 2.
 */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * The run was stopped by a signal (Ctrl-C, SIGTERM) while it was setting up. What it had created
 * has been removed; `leftovers` names whatever could not be.
 */
export class RunInterrupted extends Error {
  override name = 'RunInterrupted';
  constructor(readonly signal: string, readonly leftovers: string[] = []) {
    super(`stopped by ${signal}`);
  }
}
