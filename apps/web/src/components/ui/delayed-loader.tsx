import { Center, Loader } from '@mantine/core';
import { useEffect, useState } from 'react';

/** A spinner that only appears after 300 ms, so quick loads do not flash (UI.md). */
export function DelayedLoader({ label = 'Loading', delayMs = 300 }: { label?: string; delayMs?: number }) {
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const timer = window.setTimeout(() => setVisible(true), delayMs);
    return () => window.clearTimeout(timer);
  }, [delayMs]);
  return (
    <Center py="xl" role="status" aria-live="polite" aria-label={label}>
      {visible ? <Loader size="md" /> : null}
    </Center>
  );
}
