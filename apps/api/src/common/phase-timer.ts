import { performance } from 'node:perf_hooks';

/** Seconds spent per step, for the log of a long job (a large import, a rebuild). */
export function phaseTimer() {
  let last = performance.now();
  const laps: string[] = [];
  return {
    lap(name: string) {
      const now = performance.now();
      laps.push(`${name} ${((now - last) / 1000).toFixed(1)} s`);
      last = now;
    },
    summary: () => laps.join(', '),
  };
}
