/**
 * Preact's hooks run their after-paint work on a 100 ms timer beside requestAnimationFrame; in a
 * jsdom file whose last test ends within that window, the timer fires after the environment is
 * gone ("cancelAnimationFrame is not defined"). Let it fire while the environment is still here.
 */
import { afterAll } from 'vitest';

afterAll(async () => {
  if (typeof window !== 'undefined') await new Promise((r) => setTimeout(r, 150));
});
