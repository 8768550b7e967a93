/**
 * Fills form controls the way a person would, so the page's framework (Ember, React) takes the
 * value: the native value setter, then bubbling `input` and `change`.
 */
type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export function setValue(el: Control, value: string): void {
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el) as object, 'value')?.set;
  if (setter) setter.call(el, value);
  else el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
}

/**
 * Chooses the option whose value is `value` (months are "1".."12", years "2026"), else whose text
 * is, else for a month the `value`-th option after a placeholder. Returns whether one was chosen.
 */
export function choose(select: HTMLSelectElement, value: string): boolean {
  const opts = Array.from(select.options);
  const n = Number(value);
  const hit =
    opts.find((o) => o.value === value) ??
    opts.find((o) => o.value !== '' && Number(o.value) === n) ??
    opts.find((o) => o.text.trim() === value) ??
    (opts.length === 13 && n >= 1 && n <= 12 ? opts[n] : undefined);
  if (!hit) return false;
  setValue(select, hit.value);
  return true;
}

/** Year and month (1-12) of an ISO date, without time zones moving it. */
export function yearMonth(iso: string | undefined): { year: string; month: string } | null {
  const m = iso ? /^(\d{4})-(\d{2})/.exec(iso) : null;
  return m && m[1] && m[2] ? { year: m[1], month: String(Number(m[2])) } : null;
}
