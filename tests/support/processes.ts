import { execFileSync } from 'node:child_process';

/** PIDs of the Prism processes whose parent is `parent` (other test files may run their own Prism). */
export const prismChildrenOf = (parent: number): number[] =>
  execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([, ppid, ...args]) => Number(ppid) === parent && /prism-cli/.test(args.join(' ')))
    .map(([pid]) => Number(pid));

/** Whether a process is still running. */
export const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
