/**
 * A button that is off while its request runs (no double submit) but keeps keyboard focus.
 * Chromium moves focus off a control that becomes `disabled`, to the page's body: a keyboard or
 * screen-reader user who pressed Enter on "Sign in" was left nowhere (WCAG 2.4.3). So the button
 * says it is off with aria-disabled (read as "dimmed"/"unavailable", styled like :disabled) and
 * its handler, which must check `off` itself, ignores it.
 */
export const offWhile = (off: boolean): { 'aria-disabled'?: 'true' } => (off ? { 'aria-disabled': 'true' } : {});
