// @vitest-environment jsdom
/**
 * The hover card's reason in the browser's language. The card said why a badge was not valid in
 * the engine's English words ("The signature does not verify …") on a French browser, while the
 * popup's badge page already put each check in words by its id, outcome and code
 * (core/share/check-words.ts). The background now sends the deciding check's id, outcome and code
 * (`reason`), and the card says it through the extension's messages (content/i18n.ts `tx`).
 */
import { afterEach, describe, expect, it } from 'vitest';
import fr from '../../../public/_locales/fr/messages.json' with { type: 'json' };
import { hoverVerdict } from '../../../src/background/services/content.ts';
import type { Check, VerifyResult } from '../../../src/core/result.ts';
import { guards } from '../../../src/messaging/validate.ts';
import type { HoverVerdict } from '../../../src/messaging/views.ts';
import type { Messages } from '../../../src/popup/i18n.ts';
import { isHoverVerdict } from '../../../src/content/messages.ts';
import { hideCard, showCard } from '../../../src/content/ui/hover-card.ts';
import { installRuntime, type FakeRuntime } from '../support/runtime.ts';
import { hosts, shadowOf, shown } from '../support/shadow.ts';

let rt: FakeRuntime | undefined;
afterEach(() => {
  hideCard();
  rt?.restore();
});

const result = (verdict: VerifyResult['verdict'], checks: Check[], named = true): VerifyResult =>
  ({
    verdict,
    format: 'ob3.0-data-integrity',
    checks,
    recipient: null,
    badge: named ? { name: 'Programmation', issuer: { id: 'https://ecole.example/issuer', name: 'École' }, tags: [], recipients: [], evidence: [], alignments: [], endorsements: [] } : null,
  }) as unknown as VerifyResult;

function cardText(v: HoverVerdict): string {
  const anchor = document.createElement('a');
  document.body.append(anchor);
  showCard(anchor, { kind: 'ready', verdict: v });
  return shown(shadowOf(hosts('hover-card')[0]).querySelector('.c')) ?? '';
}

const FORGED = result('invalid', [
  { id: 'parse', outcome: 'pass', message: 'Read a JSON credential' },
  { id: 'signature', outcome: 'fail', code: 'ERR_SIGNATURE_INVALID', message: 'The eddsa-rdfc-2022 proof does not verify over the credential' },
]);
const BLOCKCERTS = result('indeterminate', [
  { id: 'signature', outcome: 'indeterminate', code: 'ERR_BLOCKCHAIN_ANCHOR', message: 'Not checked: a Blockcerts v2 certificate is vouched for by its MerkleProof2017 signature, anchored in Bitcoin (bitcoinMainnet), which Lanyard cannot check' },
]);

describe('the hover card says why in the browser’s language', () => {
  it('the background sends the deciding check’s id, outcome and code, and both guards take it', () => {
    const v = hoverVerdict(FORGED);
    expect(v.reason).toEqual({ id: 'signature', outcome: 'fail', code: 'ERR_SIGNATURE_INVALID' });
    expect(guards.content.reply['hover/verify'](v)).toBe(true);
    expect(isHoverVerdict(v)).toBe(true);
    expect(isHoverVerdict({ ...v, reason: { id: 'signature', outcome: 'maybe' } })).toBe(false);
    expect(guards.content.reply['hover/verify']({ ...v, reason: { id: 'signature', outcome: 'maybe' } })).toBe(false);
  });

  it.each([
    ['a forged signature', FORGED, 'Badge non valide', 'La signature numérique ne correspond pas\u00a0: le badge a été modifié après sa délivrance, ou mal signé.', 'does not verify'],
    ['a Blockcerts certificate', BLOCKCERTS, 'Vérification impossible', 'C’est un certificat Blockcerts\u00a0: sa signature est inscrite dans une blockchain, que Lanyard ne sait pas vérifier.', 'MerkleProof2017'],
  ])('a French browser reads why for %s in French, not the engine’s English', (_what, r, title, why, english) => {
    rt = installRuntime({}, fr as Messages);
    const text = cardText(hoverVerdict(r));
    expect(text).toContain(title);
    expect(text).toContain(why);
    expect(text).not.toContain(english);
  });

  it('an unsettled signature says nothing of technical details the card does not show', () => {
    rt = installRuntime();
    const text = cardText(hoverVerdict(result('indeterminate', [{ id: 'signature', outcome: 'indeterminate', code: 'ERR_UNSUPPORTED', message: 'bbs-2023 is not checked' }])));
    expect(text).toContain('Lanyard could not settle whether the signature vouches for this badge.');
    expect(text).not.toContain('technical details');
  });

  it('a badge on a local or private network: the card names the host in the page’s words', () => {
    rt = installRuntime({}, fr as Messages);
    const unreached = result('indeterminate', [{ id: 'hosted', outcome: 'indeterminate', code: 'ERR_FETCH_FAILED', message: 'The issuer\'s copy could not be fetched: 192.168.0.1 is on a local or private network' }], false);
    const v = hoverVerdict(unreached, 'http://192.168.0.1/a.json', [], ['192.168.0.1']);
    expect(v.privateHost).toBe('192.168.0.1');
    expect(guards.content.reply['hover/verify'](v)).toBe(true);
    expect(isHoverVerdict(v)).toBe(true);
    expect(cardText(v)).toContain('192.168.0.1 est sur un réseau local ou privé\u00a0: la vérification au survol ne s’y connecte pas.');
  });

  it('a verdict kept from before (no reason) still shows its message', () => {
    rt = installRuntime({}, fr as Messages);
    const { reason: _, ...old } = hoverVerdict(FORGED);
    expect(cardText(old)).toContain('The eddsa-rdfc-2022 proof does not verify over the credential');
  });
});
