/**
 * Replaces every secret (password, token, their Basic-auth encodings) in a text with `***`.
 * Applied to everything the CLI prints or writes, as a last line of defence.
 */
export function createRedactor(secrets: Array<string | undefined>): (text: string) => string {
  const values = new Set<string>();
  for (const secret of secrets) {
    if (!secret || secret.length < 4) continue;
    values.add(secret);
    values.add(encodeURIComponent(secret));
  }
  const sorted = [...values].sort((a, b) => b.length - a.length);
  return (text) => sorted.reduce((out, secret) => out.split(secret).join('***'), text);
}
