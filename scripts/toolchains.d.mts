export function candidateDirs(): string[];
export function findExecutable(name: string): string | null;
export const CACHE_ROOT: string;
