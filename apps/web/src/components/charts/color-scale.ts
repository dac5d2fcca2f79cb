/**
 * Viridis, sampled at nine even stops (matplotlib's table): perceptually uniform, readable in
 * greyscale and by people with the common colour-vision deficiencies (UI.md "Colour scales").
 */
export const VIRIDIS = ['#440154', '#472d7b', '#3b528b', '#2c728e', '#21918c', '#28ae80', '#5ec962', '#addc30', '#fde725'];

export interface SequentialScale {
  /** The values at either end of the scale; values outside are clamped. */
  domain: [number, number];
  /** Runs the colours the other way: for "more is worse" figures such as gap points. */
  reverse?: boolean;
}

function hexToRgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

function rgbToHex([r, g, b]: [number, number, number]): string {
  return `#${[r, g, b].map((channel) => Math.round(channel).toString(16).padStart(2, '0')).join('')}`;
}

/** Where a value sits on the scale, 0..1 (0 when the domain is a single value). */
export function scalePosition(value: number, { domain: [min, max], reverse }: SequentialScale): number {
  const t = max === min ? 0 : Math.min(1, Math.max(0, (value - min) / (max - min)));
  return reverse ? 1 - t : t;
}

/** The colour of position t (0..1) along viridis, interpolated between its stops. */
export function viridis(t: number): string {
  const clamped = Math.min(1, Math.max(0, t));
  const scaled = clamped * (VIRIDIS.length - 1);
  const index = Math.min(VIRIDIS.length - 2, Math.floor(scaled));
  const fraction = scaled - index;
  const from = hexToRgb(VIRIDIS[index]);
  const to = hexToRgb(VIRIDIS[index + 1]);
  return rgbToHex(
    [0, 1, 2].map((channel) => from[channel] + (to[channel] - from[channel]) * fraction) as [number, number, number],
  );
}

export function scaleColor(value: number, scale: SequentialScale): string {
  return viridis(scalePosition(value, scale));
}

function relativeLuminance(hex: string): number {
  const [r, g, b] = hexToRgb(hex).map((channel) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Black or white, whichever contrasts more with the background (numbers printed on cells). */
export function textColorOn(background: string): '#000000' | '#ffffff' {
  const luminance = relativeLuminance(background);
  const onBlack = (luminance + 0.05) / 0.05;
  const onWhite = 1.05 / (luminance + 0.05);
  return onBlack >= onWhite ? '#000000' : '#ffffff';
}

/** A CSS gradient of the scale from its low end to its high end, for legends. */
export function scaleGradient(scale: Pick<SequentialScale, 'reverse'>, direction = 'to right'): string {
  const stops = scale.reverse ? [...VIRIDIS].reverse() : VIRIDIS;
  return `linear-gradient(${direction}, ${stops.join(', ')})`;
}

/** Hatching for values withheld for privacy (UI.md: suppressed cells are hatched grey). */
export const SUPPRESSED_BACKGROUND =
  'repeating-linear-gradient(45deg, var(--mantine-color-gray-4) 0 3px, var(--mantine-color-gray-1) 3px 7px)';
/** A cell with nothing to colour: not required, nobody in the group. */
export const EMPTY_BACKGROUND = 'var(--mantine-color-default)';
