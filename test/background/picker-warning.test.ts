/**
 * The pickers on LinkedIn and in web mail carry the share screen's warning for each badge that
 * is not valid (core/share/warning.ts, one rule for both), with the reason in the engine's words.
 */
import { describe, expect, it } from 'vitest';
import { pickerBadge } from '../../src/background/services/views.ts';
import { HostPermissionError } from '../../src/background/services/host-access.ts';
import { shareWarningOf } from '../../src/core/share/warning.ts';
import { guards } from '../../src/messaging/validate.ts';
import { isPickerBadge } from '../../src/content/messages.ts';
import type { BadgeRecord } from '../../src/platform/records.ts';

const record = (verdict: BadgeRecord['verdict'], checks: BadgeRecord['checks'] = []): BadgeRecord =>
  ({ key: 'k', meta: { name: 'Poetical Science', tags: [] }, verdict, checks }) as unknown as BadgeRecord;

describe('picker badges carry the share warning', () => {
  it('none for a valid badge; the first undetermined check for an indeterminate one; the first failure for an invalid one', () => {
    expect(pickerBadge(record('valid')).warning).toBeUndefined();
    const checks: BadgeRecord['checks'] = [
      { id: 'signature', outcome: 'pass', message: 'ok' },
      { id: 'issuer-key', outcome: 'indeterminate', message: 'The issuer’s profile could not be fetched' },
      { id: 'revocation', outcome: 'fail', message: 'Revoked: no longer valid' },
    ];
    expect(pickerBadge(record('indeterminate', checks)).warning).toEqual({ level: 'indeterminate', reason: 'The issuer’s profile could not be fetched' });
    expect(pickerBadge(record('invalid', checks)).warning).toEqual({ level: 'invalid', reason: 'Revoked: no longer valid' });
    expect(pickerBadge(record('unverified')).warning).toEqual({ level: 'unverified' });
    // The same rule as the popup's share screen.
    expect(pickerBadge(record('indeterminate', checks)).warning).toEqual(shareWarningOf({ verdict: 'indeterminate', checks }));
  });

  it('a host Lanyard may not read is named, not the engine’s “open the badge in Lanyard”', () => {
    const message = 'The issuer could not be read: https://i.example/issuer could not be fetched: ' + new HostPermissionError('https://i.example').message;
    expect(pickerBadge(record('indeterminate', [{ id: 'issuer-key', outcome: 'indeterminate', message }])).warning).toEqual({ level: 'indeterminate', needsAccess: 'i.example' });
  });

  it('a hostile reason is shown, not obeyed: bidi controls made visible, long text cut', () => {
    const w = pickerBadge(record('indeterminate', [{ id: 'hosted', outcome: 'indeterminate', message: `x\u202Ey${'z'.repeat(2000)}` }])).warning;
    expect(w?.reason).toContain('⟨RLO⟩');
    expect(w!.reason!.length).toBeLessThan(400);
  });

  it('both sides of the messaging accept the warning and refuse a malformed one', () => {
    const ok = { key: 'k', name: 'n', verdict: 'indeterminate', warning: { level: 'indeterminate', reason: 'why' } };
    const bad = { ...ok, warning: { level: 'forged' } };
    const reply = guards.content.reply['picker/list'];
    expect(reply([ok])).toBe(true);
    expect(reply([bad])).toBe(false);
    expect(isPickerBadge(ok)).toBe(true);
    expect(isPickerBadge(bad)).toBe(false);
  });
});
