import { describe, expect, it } from 'vitest';
import { scaleColor, scaleGradient, scalePosition, textColorOn, viridis, VIRIDIS } from './color-scale';

describe(viridis.name, () => {
  it('runs from dark purple to yellow, interpolating between its stops', () => {
    expect(viridis(0)).toBe('#440154');
    expect(viridis(1)).toBe('#fde725');
    expect(viridis(0.5)).toBe(VIRIDIS[4]);
    expect(viridis(-1)).toBe('#440154');
    expect(viridis(1 / 16)).toBe('#461768'); // halfway between the first two stops
  });
});

describe(scalePosition.name, () => {
  it('places a value in its domain, clamped, and runs backwards when reversed', () => {
    expect(scalePosition(3, { domain: [0, 12] })).toBe(0.25);
    expect(scalePosition(20, { domain: [0, 12] })).toBe(1);
    expect(scalePosition(3, { domain: [0, 12], reverse: true })).toBe(0.75);
    expect(scalePosition(4, { domain: [4, 4] })).toBe(0);
    expect(scaleColor(12, { domain: [0, 12], reverse: true })).toBe('#440154');
  });
});

describe(textColorOn.name, () => {
  it('prints white on the dark end and black on the light end', () => {
    expect(textColorOn('#440154')).toBe('#ffffff');
    expect(textColorOn('#fde725')).toBe('#000000');
  });
});

describe(scaleGradient.name, () => {
  it('draws the legend from the low end of the scale', () => {
    expect(scaleGradient({})).toMatch(/^linear-gradient\(to right, #440154, .*#fde725\)$/);
    expect(scaleGradient({ reverse: true })).toMatch(/^linear-gradient\(to right, #fde725, .*#440154\)$/);
  });
});
