import { useEffect, useState } from 'react';

/**
 * Whether the element's content is wider or taller than the element (the table scrolls sideways,
 * or down inside a box of fixed height). Watches the container and the table, whose sizes change
 * with the screen and with each page of data.
 */
export function useScrollOverflow() {
  const [element, setElement] = useState<HTMLDivElement | null>(null);
  const [overflowing, setOverflowing] = useState(false);
  useEffect(() => {
    if (!element || typeof ResizeObserver === 'undefined') return;
    const update = () =>
      setOverflowing(element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1);
    const observer = new ResizeObserver(update);
    observer.observe(element);
    const table = element.querySelector('table');
    if (table) observer.observe(table);
    update();
    return () => observer.disconnect();
  }, [element]);
  return [setElement, overflowing] as const;
}

/**
 * Props for a box that scrolls: keyboard users can focus it (and scroll it with the arrow keys)
 * only while it does scroll, so large screens get no extra tab stop.
 */
export function scrollRegionProps(overflowing: boolean, label: string) {
  return overflowing ? { tabIndex: 0, role: 'region', 'aria-label': label } : {};
}
