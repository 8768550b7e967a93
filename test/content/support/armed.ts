/**
 * The picker acts on a click or a key only once it has been shown, unmoved, for ARM_MS
 * (src/content/ui/armed.ts). Tests that stand for a person who reads before picking move the
 * guard's clock on by that much instead of waiting.
 */
import { ARM_MS, clock } from '../../../src/content/ui/armed.ts';

let offset = 0;
clock.now = () => performance.now() + offset;

/** The pause a person makes before picking. */
export function pause(ms = ARM_MS): void {
  offset += ms;
}

/** A person's click on `el` (the tests' clicks stand for the user's), after that pause. */
export function pressAfterPause(el: Element | undefined): void {
  pause();
  (el as HTMLElement).click();
}
