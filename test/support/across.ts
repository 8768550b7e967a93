/**
 * A Testing Library text matcher for a sentence drawn in several elements: an e-mail address in it
 * is (ui/Address.tsx: its break points, its hyphens held), so `getByText('… ada@x.example.')`,
 * which reads one element's own text nodes, no longer finds it. Matches the innermost element
 * whose whole text is `want` (or matches it).
 */
export const across = (want: string | RegExp) => (_: string, el: Element | null): boolean => {
  const has = (e: Element) => (typeof want === 'string' ? e.textContent === want : want.test(e.textContent ?? ''));
  return !!el && has(el) && ![...el.children].some(has);
};
