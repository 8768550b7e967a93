// @vitest-environment jsdom
/**
 * A badge without a name, on a web page: the picker row and the hover card say it in the
 * browser's language ("Badge sans titre"), and LinkedIn's certification form is not filled with
 * those words as if they were the badge's title ("Open Badge" instead, as the share card says).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import fr from '../../../public/_locales/fr/messages.json' with { type: 'json' };
import { hoverVerdict } from '../../../src/background/services/content.ts';
import { fillCertificationForm } from '../../../src/content/actions/linkedin-form.ts';
import { isPickerBadge } from '../../../src/content/messages.ts';
import { openPicker } from '../../../src/content/ui/picker.ts';
import { hideCard, showCard } from '../../../src/content/ui/hover-card.ts';
import type { VerifyResult } from '../../../src/core/result.ts';
import { guards } from '../../../src/messaging/validate.ts';
import type { PickerBadge } from '../../../src/messaging/views.ts';
import type { Messages } from '../../../src/popup/i18n.ts';
import { fixture, loadPage } from '../support/pages.ts';
import { installRuntime, type FakeRuntime } from '../support/runtime.ts';
import { flush, hosts, pickerRoot, shadowOf, shown } from '../support/shadow.ts';

vi.mock('../../../src/content/ui/user.ts', () => ({ fromUser: () => true }));

const NAMELESS: PickerBadge = { key: 'n', name: '', noName: 'untitled', issuerName: 'École', verdict: 'valid' };
const UNREADABLE: PickerBadge = { key: 'u', name: '', noName: 'unreadable', verdict: 'indeterminate', warning: { level: 'indeterminate' } };

let rt: FakeRuntime | undefined;
afterEach(() => {
  hideCard();
  rt?.restore();
  document.documentElement.querySelectorAll('[data-lanyard]').forEach((e) => e.remove());
});

describe('a badge without a name on a web page', () => {
  it('passes both guards with its reason, and no other reason', () => {
    for (const b of [NAMELESS, UNREADABLE]) {
      expect(isPickerBadge(b)).toBe(true);
      expect(guards.content.reply['picker/list']([b])).toBe(true);
    }
    expect(isPickerBadge({ ...NAMELESS, noName: 'lost' })).toBe(false);
    expect(guards.content.reply['picker/list']([{ ...NAMELESS, noName: 'lost' }])).toBe(false);
  });

  it('the French picker says “Badge sans titre” and “Badge illisible”', async () => {
    rt = installRuntime({ 'picker/list': () => [NAMELESS, UNREADABLE] }, fr as Messages);
    document.body.innerHTML = '<button id="a">open</button>';
    openPicker({ anchor: document.getElementById('a')!, title: 't', onPick: async () => {} });
    await flush();
    const rows = [...pickerRoot().querySelectorAll('li[role=option]')];
    expect(rows[0]?.getAttribute('aria-label')).toBe('Badge sans titre, École, Vérifié');
    expect(shown(rows[0]?.querySelector('b'))).toBe('Badge sans titre');
    expect(shown(rows[1]?.querySelector('b'))).toBe('Badge illisible');
  });

  it('the French hover card says “Badge sans titre” for a badge that names itself nothing', () => {
    rt = installRuntime({}, fr as Messages);
    const r = { verdict: 'valid', format: 'ob2.0-hosted', checks: [], recipient: null, badge: { name: '', issuer: { name: 'École' }, tags: [], recipients: [], evidence: [], alignments: [], endorsements: [] } } as unknown as VerifyResult;
    const anchor = document.createElement('a');
    document.body.append(anchor);
    showCard(anchor, { kind: 'ready', verdict: hoverVerdict(r) });
    const text = shown(shadowOf(hosts('hover-card')[0]).querySelector('.c')) ?? '';
    expect(text).toContain('Badge sans titre');
    expect(text).not.toContain('Unnamed');
  });

  it('fills LinkedIn’s certification name with “Open Badge”, not with the words for no name', () => {
    rt = installRuntime({}, fr as Messages);
    loadPage(fixture('linkedin-cert-form-de-labels.html'));
    fillCertificationForm(document, NAMELESS);
    const name = document.querySelector<HTMLInputElement>('input');
    expect(name?.value).toBe('Open Badge');
  });
});
