/**
 * Set-up for every unit test file. In jsdom files:
 * - findBy… and waitFor wait up to 5 s: lazy screens load slowly on a loaded 2-core CI machine;
 * - Preact's hooks run their after-paint work on a 100 ms timer beside requestAnimationFrame; in a
 *   file whose last test ends within that window, the timer fires after the environment is gone
 *   ("cancelAnimationFrame is not defined"). Let it fire while the environment is still here.
 */
import { afterAll } from 'vitest';

if (typeof window !== 'undefined') {
  const { configure } = await import('@testing-library/preact');
  configure({ asyncUtilTimeout: 5_000 });
}

afterAll(async () => {
  if (typeof window !== 'undefined') await new Promise((r) => setTimeout(r, 150));
});
