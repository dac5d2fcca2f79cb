import {
  Badge,
  FileInput,
  Notification,
  createTheme,
  darken,
  luminance,
  type CSSVariablesResolver,
  type MantineColorsTuple,
} from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  // Shade 8 keeps white text on filled buttons above 4.5:1 (shade 6 is about 3.5:1).
  primaryShade: { light: 8, dark: 8 },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif' },
  defaultRadius: 'sm',
  cursorType: 'pointer',
  components: {
    // A badge holds a status of a word or two: it keeps its full width instead of shrinking to
    // "Acti…" when a table column is tight (its label hides overflow, so its minimum width is 0).
    Badge: Badge.extend({ styles: { root: { minWidth: 'max-content' } } }),
    // A file input shows its placeholder as real text (not a native placeholder): it must meet 4.5:1.
    FileInput: FileInput.extend({ styles: { placeholder: { color: 'var(--mantine-color-dimmed)' } } }),
    // Write confirmations: a named close button, and message text that meets 4.5:1 (Mantine's gray-6 does not).
    Notification: Notification.extend({
      defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss notification' } },
      styles: { description: { color: 'var(--mantine-color-dimmed)' } },
    }),
  },
});

/** WCAG 2 contrast ratio of two opaque colours. */
export function contrastRatio(a: string, b: string): number {
  const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (lighter + 0.05) / (darker + 0.05);
}

/** Above AA's 4.5:1 with a margin, so anti-aliased small badge text still reads. */
const TEXT_CONTRAST = 5.5;
/** Table rows are striped with gray-0; outline text must read on it as well as on white. */
const STRIPE = '#f8f9fa';

/**
 * The palette's darkest shade, darkened further until it reads on both its own light tint
 * (shade 1: the "light" variant's background) and the page. Mantine's shade 9 of orange, yellow,
 * teal and green falls short of 4.5:1 there, which is what failed axe on the status badges.
 */
export function readableTextOnTint(palette: MantineColorsTuple): string {
  for (let amount = 0; amount < 1; amount += 0.05) {
    const candidate = amount === 0 ? palette[9] : darken(palette[9], amount);
    if (contrastRatio(candidate, palette[1]) >= TEXT_CONTRAST && contrastRatio(candidate, STRIPE) >= TEXT_CONTRAST) {
      return candidate;
    }
  }
  return '#000';
}

/**
 * Mantine's default "dimmed" greys fall below 4.5:1 on both backgrounds; these pass.
 * In the light scheme the "light" and "outline" variants (badges, light buttons) take their text
 * from {@link readableTextOnTint}; the dark scheme's defaults (shade 0 on a dark tint, shade 4 on
 * the dark body) are already above 6:1.
 */
export const cssVariablesResolver: CSSVariablesResolver = (mantineTheme) => {
  const light: Record<string, string> = { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' };
  for (const [name, palette] of Object.entries(mantineTheme.colors)) {
    const text = readableTextOnTint(palette);
    light[`--mantine-color-${name}-light-color`] = text;
    light[`--mantine-color-${name}-outline`] = text;
  }
  return {
    variables: {},
    light,
    dark: { '--mantine-color-dimmed': 'var(--mantine-color-dark-1)' },
  };
};
