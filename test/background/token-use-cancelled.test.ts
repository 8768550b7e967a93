/**
 * token-use.ts withAccess under a signal already aborted when a refresh would start (the cancel came as the
 * request's 401 was read): no refresh is begun for a call that has ended. Before, the refresh began and was
 * left unwatched: a refused one was a rejection nothing handled (the worker's unhandledrejection).
 */
import { describe, expect, it } from 'vitest';
import { withAccess } from '../../src/background/services/token-use.ts';
import { BackpackError, BackpackErrorCodes as C } from '../../src/backpack/errors.ts';

describe('withAccess after a cancel', () => {
  it('a 401 read as the call is cancelled: no refresh begun, the call ends with the cancel', async () => {
    const controller = new AbortController();
    const refreshes: string[] = [];
    const tokens = {
      access: async () => 'old',
      refresh: async (_id: string, token?: string) => {
        refreshes.push(token ?? '');
        throw new BackpackError(C.UNAUTHORIZED, 'refused', { detail: 'invalid_grant' });
      },
    };
    const call = withAccess(tokens, 'a', async () => {
      controller.abort(new Error('cancelled'));
      throw new BackpackError(C.UNAUTHORIZED, 'token refused', { status: 401 });
    }, undefined, controller.signal);
    await expect(call).rejects.toThrow('cancelled');
    expect(refreshes).toEqual([]);
  });
});
