import type { Locator } from 'playwright-core';

/** An element's text colour and the colour actually behind it (the first opaque background up the tree). */
export async function colours(el: Locator): Promise<{ fg: number[]; bg: number[] }> {
  return el.evaluate((node) => {
    const parse = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    let at: Element | null = node;
    let bg = [255, 255, 255, 1];
    while (at) {
      const c = parse(getComputedStyle(at).backgroundColor);
      if (c.length >= 3 && (c.length === 3 || c[3] > 0.5)) {
        bg = c;
        break;
      }
      at = at.parentElement;
    }
    return { fg: parse(getComputedStyle(node).color), bg };
  });
}

/** WCAG 2 relative luminance of an sRGB colour. */
function luminance([r, g, b]: number[]): number {
  const lin = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG 2 contrast ratio (1 to 21). */
export function contrast(a: number[], b: number[]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

export const isDark = (c: number[]): boolean => luminance(c) < 0.2;
