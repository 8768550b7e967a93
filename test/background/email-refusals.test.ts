/** Badgr's refusals of an address change become codes the popup says in the reader's language (email-refusals.ts). */
import { describe, expect, it } from 'vitest';
import { BackpackError, BackpackErrorCodes as C } from '../../src/backpack/errors.ts';
import { emailRefusal } from '../../src/background/services/email-refusals.ts';

const rejected = (words: string, detail?: string) => new BackpackError(C.REJECTED, `Removing the address was refused (HTTP 400): ${words}`, { status: 400, ...(detail ? { detail } : {}) });

describe('emailRefusal', () => {
  it('names each of badgr-server\'s refusals, keeping its words as the server\'s', () => {
    expect(emailRefusal(rejected('Could not register email address.'))).toMatchObject({ code: 'ERR_EMAIL_TAKEN', said: 'Could not register email address.' });
    expect(emailRefusal(rejected('Can not remove primary email address'))).toMatchObject({ code: 'ERR_EMAIL_PRIMARY' });
    expect(emailRefusal(rejected('Can not remove only email address'))).toMatchObject({ code: 'ERR_EMAIL_LAST' });
    expect(emailRefusal(rejected('ada@old.example is not verified yet', 'NOT_VERIFIED'))).toMatchObject({ code: 'ERR_EMAIL_UNVERIFIED' });
  });

  it('leaves other refusals, and other errors, as they are', () => {
    const variant = rejected('Matching address already exists. New case variant registered.');
    expect(emailRefusal(variant)).toBe(variant);
    const throttled = new BackpackError(C.THROTTLED, 'Could not register email address.', { status: 429 });
    expect(emailRefusal(throttled)).toBe(throttled);
  });
});
