/** The sample of a mock run's standard output, as the README shows it. */
export function sampleOf(stdout: string): string;
/** Why the README's sample is not what this mock run printed (ports and times aside), or null. */
export function readmeSampleProblem(stdout: string): string | null;
