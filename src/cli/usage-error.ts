/**
 * A problem with how the tool was called or with the target (bad flag, unreachable URL, not a
 * Grafana, wrong credentials). The CLI prints its one-line message and exits with code 2.
 */
export class UsageError extends Error {
  override name = 'UsageError';
}
