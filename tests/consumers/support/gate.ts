import { inCi, missingToolchains, type Toolchain } from './toolchains.js';

/**
 * Whether a consumers suite can run here. In CI a missing toolchain throws (the file fails);
 * on a developer's machine it prints which toolchain is missing and how to get it, and the
 * suite is reported as skipped, never as passed.
 */
export function toolchainsPresent(suite: string, names: Toolchain[]): boolean {
  const problem = missingToolchains(names);
  if (problem === null) return true;
  if (inCi) throw new Error(`consumers tier (${suite}): ${problem}`);
  console.warn(`consumers tier: skipping ${suite}: ${problem}`);
  return false;
}
