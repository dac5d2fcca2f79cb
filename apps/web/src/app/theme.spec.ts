import { DEFAULT_THEME, mergeMantineTheme } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { contrastRatio, cssVariablesResolver, readableTextOnTint, theme } from './theme';

describe('badge and light-variant colours', () => {
  const colours = Object.entries(DEFAULT_THEME.colors);

  it.each(colours)('%s text reads at WCAG AA on its tint, on white and on a table stripe', (_name, palette) => {
    const text = readableTextOnTint(palette);
    expect(contrastRatio(text, palette[1])).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(text, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(text, '#f8f9fa')).toBeGreaterThanOrEqual(4.5);
  });

  it('sets the light scheme’s light-variant and outline colours for every palette', () => {
    const { light } = cssVariablesResolver(mergeMantineTheme(DEFAULT_THEME, theme));
    expect(light['--mantine-color-orange-light-color']).toBe(readableTextOnTint(DEFAULT_THEME.colors.orange));
    expect(light['--mantine-color-teal-outline']).toBe(readableTextOnTint(DEFAULT_THEME.colors.teal));
  });
});
