import { styleText } from 'node:util';
import { PLAIN, type Paint } from '../report/terminal.js';

/**
 * Colours only on a terminal, and never when NO_COLOR is set to anything but an empty string
 * (https://no-color.org). CI logs (not a terminal) get plain text.
 */
export function colourEnabled(isTTY: boolean, env: NodeJS.ProcessEnv): boolean {
  return isTTY && !env.NO_COLOR;
}

export function paintFor(enabled: boolean): Paint {
  if (!enabled) return PLAIN;
  return { pass: (t) => styleText('green', t), fail: (t) => styleText(['red', 'bold'], t), skip: (t) => styleText('yellow', t) };
}
