/**
 * Every check the engine reports has a title of its own in both languages: the engine's extra checks
 * (endorsements, refresh, schema, contexts, token claims) read "Other check" on a badge's page, in
 * Chromium and Firefox alike.
 */
import { describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json' with { type: 'json' };
import fr from '../../public/_locales/fr/messages.json' with { type: 'json' };
import { CORE_CHECK_IDS, type CheckId } from '../../src/core/result.ts';
import { checkTitle } from '../../src/popup/badge/check-text.ts';

const EXTRA: CheckId[] = ['endorsement', 'refresh', 'schema', 'context', 'claims'];

describe('check titles', () => {
  it.each([...CORE_CHECK_IDS, ...EXTRA])('%s has its own title, in English and French', (id) => {
    const key = checkTitle({ id, outcome: 'pass', message: '' });
    expect(key).not.toBe('checkTitleOther');
    expect((en as Record<string, { message: string }>)[key]?.message).toBeTruthy();
    expect((fr as Record<string, { message: string }>)[key]?.message).toBeTruthy();
  });

  it('the titles are all different', () => {
    const titles = [...CORE_CHECK_IDS, ...EXTRA].map((id) => (en as Record<string, { message: string }>)[checkTitle({ id, outcome: 'pass', message: '' })]!.message);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('a title names what is checked, never a negation (a revoked badge read "Failed · Not withdrawn", ux30)', () => {
    for (const [messages, no] of [[en, /^Not\b/i], [fr, /^(Non|Pas)\b/i]] as const) {
      for (const id of [...CORE_CHECK_IDS, ...EXTRA]) {
        expect((messages as Record<string, { message: string }>)[checkTitle({ id, outcome: 'fail', message: '' })]!.message).not.toMatch(no);
      }
    }
  });
});
