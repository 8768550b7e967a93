/**
 * A badge's texts in several languages (VC DM 2.0 §11.1, core/share/lang-text.ts) are stored with the
 * record and reach the popup's view, which chooses one in its language (src/popup/display.ts); the
 * reply's guard accepts what the library sends.
 */
import { describe, expect, it } from 'vitest';
import { metaOf } from '../../src/background/services/badge-record.ts';
import { badgeView } from '../../src/background/services/views.ts';
import { toBadge } from '../../src/core/formats/ob3-to-badge.ts';
import { guards } from '../../src/messaging/validate.ts';
import type { BadgeRecord } from '../../src/platform/records.ts';

const credential = {
  '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: { id: 'did:example:issuer', type: ['Profile'], name: [{ '@value': 'Example Issuer', '@language': 'en' }, { '@value': 'Émetteur exemple', '@language': 'fr' }] },
  validFrom: '2024-01-01T00:00:00Z',
  credentialSubject: { type: ['AchievementSubject'], achievement: { type: ['Achievement'], name: [{ '@value': 'Teamwork', '@language': 'en' }, { '@value': 'العمل الجماعي', '@language': 'ar', '@direction': 'rtl' }] } },
};

const record = (meta: BadgeRecord['meta']): BadgeRecord =>
  ({
    key: 'local|x', accountId: 'local', sourceId: 'x', original: { kind: 'json' }, contentHash: 'h', format: 'ob3.0-data-integrity', verdict: 'valid',
    checks: [], recipient: null, recipientKey: '', pending: false, identitiesHash: 'i', addedAt: '2026-01-01T00:00:00Z', meta,
  }) as BadgeRecord;

describe('texts in several languages, stored and listed', () => {
  it('are kept in the record and reach the view; the guard accepts it', () => {
    const meta = metaOf(toBadge(credential, 'ob3.0-data-integrity'));
    expect(meta.name).toBe('Teamwork');
    expect(meta.texts?.name?.[1]).toEqual({ value: 'العمل الجماعي', language: 'ar', direction: 'rtl' });
    const view = badgeView(record(meta), []);
    expect(view.texts?.issuerName?.[1]?.value).toBe('Émetteur exemple');
    expect(guards.popup.reply['badges/list']([view])).toBe(true);
  });

  it('a badge read again without languages drops the ones stored before', () => {
    const before = metaOf(toBadge(credential, 'ob3.0-data-integrity'));
    const plain = { ...credential, issuer: 'did:example:issuer', credentialSubject: { achievement: { name: 'Teamwork' } } };
    expect(metaOf(toBadge(plain, 'ob3.0-data-integrity'), before).texts).toBeUndefined();
  });
});
