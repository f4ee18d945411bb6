import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../errors.js';
import { didYouMean } from './select.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Node's parseArgs (strict) for one command, with its mistakes as one-line UsageErrors: an
 * unknown option names the nearest one the command has (`--urll` → `--url`), and `then` says
 * what to do, e.g. `see "grafana-api-contract conformance --help"`.
 */
export function parseOptions<T extends Options>(args: string[], options: T, how: { prefix?: string; then: string; positionals?: boolean }): ReturnType<typeof parseArgs<{ args: string[]; options: T; strict: true; allowPositionals: true }>> {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: how.positionals ?? false });
  } catch (err) {
    const e = err as Error & { code?: string };
    // Node's messages are one line, then a hint about "--" that does not help here.
    const message = e.message.split('\n')[0]!.replace(/\. To specify a positional.*$/, '');
    const unknown = e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? /'(-{1,2}[^'=]+)/.exec(message)?.[1] : undefined;
    const hint = unknown ? didYouMean(unknown, Object.keys(options).map((name) => `--${name}`)) : '';
    throw new UsageError(`${how.prefix ?? ''}${message}${hint}: ${how.then}`);
  }
}
