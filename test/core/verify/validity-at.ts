/** The `validity` check alone, for a window given as written, at the tests' fixed now (2026-11-26). */
import { CheckList } from '../../../src/core/verify/checks.ts';
import { checkValidity } from '../../../src/core/verify/validity.ts';

export const VALIDITY_NOW = new Date('2026-11-26T00:00:00Z');

export function validity(from?: string, until?: string) {
  const checks = new CheckList();
  checkValidity(checks, { from, until }, VALIDITY_NOW);
  return checks.get('validity');
}
