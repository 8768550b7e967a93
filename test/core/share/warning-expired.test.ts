/**
 * A badge verified valid, kept, then past its expiry (OB 2.0 `expires`, OB 3.0 `validUntil`)
 * before any re-check: its stored verdict still says valid. Sharing it must warn as for an
 * expired badge, on every surface (the share screen, the pickers: core/share/warning.ts).
 */
import { describe, expect, it } from 'vitest';
import { shareWarningOf, shareWarningWords } from '../../../src/core/share/warning.ts';

const NOW = Date.parse('2026-12-05T12:00:00Z');

describe('shareWarningOf and the expiry', () => {
  it('a valid, undetermined or never verified badge whose expiry has passed warns as an expired one', () => {
    for (const verdict of ['valid', 'indeterminate', 'unverified'] as const) {
      const w = shareWarningOf({ verdict, checks: [], expires: '2026-12-01T00:00:00Z' }, NOW);
      expect(w, verdict).toEqual({ level: 'invalid', check: { id: 'validity', outcome: 'fail', code: 'ERR_EXPIRED' } });
      expect(shareWarningWords(w!)).toEqual({ key: 'shareWarnInvalid', reason: 'checkValidityExpired' });
    }
  });

  it('not before it expires, nor for an expiry it cannot read; an invalid badge keeps its own reason', () => {
    expect(shareWarningOf({ verdict: 'valid', checks: [], expires: '2027-01-01T00:00:00Z' }, NOW)).toBeUndefined();
    expect(shareWarningOf({ verdict: 'valid', checks: [], expires: 'someday' }, NOW)).toBeUndefined();
    const revoked = { id: 'revocation' as const, outcome: 'fail' as const, code: 'ERR_REVOKED' };
    expect(shareWarningOf({ verdict: 'invalid', checks: [revoked], expires: '2026-01-01T00:00:00Z' }, NOW)).toEqual({ level: 'invalid', check: revoked });
  });
});
