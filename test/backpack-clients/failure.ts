/** The BackpackError a client call fails with (any other failure, or none, fails the test). */
import { BackpackError } from '../../src/backpack/errors.ts';

export async function failure(p: Promise<unknown>): Promise<BackpackError> {
  const e = await p.then(() => new Error('expected a failure'), (x: unknown) => x);
  if (!(e instanceof BackpackError)) throw e;
  return e;
}
