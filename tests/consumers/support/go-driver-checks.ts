import { expect, it } from 'vitest';
import { expectParsedAnswers, output, type GoDriverRun } from './go-driver.js';
import { expectWireCalls } from './wire.js';

// The checks every Go generator's client gets once buildAndRunDriver has run (oapi-codegen and
// openapi-generator's go), kept in one place so both generators are held to the same bar.

/** Registers the build, vet, wire and parse checks; `result` is called inside each test, after the suite's beforeAll. */
export function itChecksGoDriverRun(result: () => GoDriverRun): void {
  it('compiles', () => {
    expect(result().build.code, output(result().build)).toBe(0);
  });

  it('is vet-clean', () => {
    expect(result().vet.code, output(result().vet)).toBe(0);
  });

  it('sends exactly the wire calls, with basic auth', () => {
    expect(result().run?.code, output(result().run)).toBe(0);
    expectWireCalls(result().received);
  });

  it('parses every answer into its typed response', () => {
    expectParsedAnswers(result());
  });
}
