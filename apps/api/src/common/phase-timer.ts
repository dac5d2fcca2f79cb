import { performance } from 'node:perf_hooks';

/** A duration in milliseconds as the step logs show it ("12.3 s"). */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Seconds spent per step, for the log of a long job (a large import, a rebuild). */
export function phaseTimer() {
  let last = performance.now();
  const laps: string[] = [];
  return {
    lap(name: string) {
      const now = performance.now();
      laps.push(`${name} ${seconds(now - last)}`);
      last = now;
    },
    summary: () => laps.join(', '),
  };
}
