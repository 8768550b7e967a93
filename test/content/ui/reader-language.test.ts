// @vitest-environment jsdom
/**
 * The hover card and the picker show a badge's name and issuer in the browser's language, chosen
 * by the background (background/services/reader-texts.ts), and set the direction the badge gives
 * each (VC DM 2.0 §11.1 `@direction`) as the element's `dir`; without one, the text's own (dirOf).
 * With the multilingual credential of test/fixtures (test/support/multilingual.ts).
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { metaOf } from '../../../src/background/services/badge-record.ts';
import { hoverVerdict } from '../../../src/background/services/content.ts';
import { pickerBadge } from '../../../src/background/services/views.ts';
import type { VerifyResult } from '../../../src/core/result.ts';
import { hideCard, showCard } from '../../../src/content/ui/hover-card.ts';
import { openPicker } from '../../../src/content/ui/picker.ts';
import type { HoverVerdict, PickerBadge } from '../../../src/messaging/views.ts';
import type { BadgeRecord } from '../../../src/platform/records.ts';
import { installRuntime, type FakeRuntime } from '../support/runtime.ts';
import { flush, hosts, pickerRoot, shadowOf, shown } from '../support/shadow.ts';
import { GERMAN_NAME, ISSUER_NAMES, multilingualResult, NAMES } from '../../support/multilingual.ts';

vi.mock('../../../src/content/ui/user.ts', () => ({ fromUser: () => true }));

let result: VerifyResult;
let record: BadgeRecord;
beforeAll(async () => {
  result = await multilingualResult();
  record = { key: 'local|ml', original: { kind: 'json' }, contentHash: 'h', verdict: 'valid', checks: [], pending: false, meta: metaOf(result.badge) } as unknown as BadgeRecord;
});

/** A right-to-left name whose first strong letter is Latin: `dir=auto` (dirOf) would make it left to right. */
const MIXED = 'UNESCO بطاقة الهوية';

describe('the hover card', () => {
  afterEach(hideCard);
  const card = (v: HoverVerdict) => {
    const anchor = document.body.appendChild(document.createElement('a'));
    showCard(anchor, { kind: 'ready', verdict: v });
    return shadowOf(hosts('hover-card')[0]).querySelector('.c')!;
  };

  it('the French or German name and issuer for a French or German reader, the English for others', () => {
    for (const [languages, name, issuer] of [[['fr'], NAMES.fr, ISSUER_NAMES.fr], [['de'], GERMAN_NAME, ISSUER_NAMES.de], [['en-US'], NAMES.en, ISSUER_NAMES.en]] as const) {
      const c = card(hoverVerdict(result, undefined, [], [], languages));
      expect(shown(c.querySelector('b'))).toBe(name);
      expect(shown(c.querySelector('bdi'))).toBe(issuer);
      expect(c.querySelector('b')?.getAttribute('dir')).toBe('ltr');
    }
  });

  it('a right-to-left text gets dir="rtl", the direction the badge gives it even where its first letter is Latin', () => {
    const c = card(hoverVerdict(result, undefined, [], [], ['ar']));
    expect(shown(c.querySelector('b'))).toBe(NAMES.ar);
    expect(c.querySelector('b')?.getAttribute('dir')).toBe('rtl');
    expect(c.querySelector('bdi')?.getAttribute('dir')).toBe('rtl');
    const mixed = card({ ...hoverVerdict(result, undefined, [], [], ['ar']), name: MIXED, issuerName: MIXED });
    expect(mixed.querySelector('b')?.getAttribute('dir')).toBe('rtl');
    expect(mixed.querySelector('bdi')?.getAttribute('dir')).toBe('rtl');
    // Without a given direction, the text's own.
    const plain = card({ ...hoverVerdict(result, undefined, [], [], ['fr']), name: MIXED, issuerName: MIXED });
    expect(plain.querySelector('b')?.getAttribute('dir')).toBe('ltr');
  });

  it('a page that is no badge keeps its own headline’s direction', () => {
    const c = card({ verdict: 'indeterminate', name: 'x', noBadge: true, noBadgeKind: 'web-page', message: '', dirs: { name: 'rtl' } });
    expect(c.querySelector('b')?.getAttribute('dir')).toBe('ltr');
  });
});

describe('the picker', () => {
  let rt: FakeRuntime;
  let rows: PickerBadge[] = [];
  beforeEach(() => {
    document.body.innerHTML = '<button id="anchor">open</button>';
    rt = installRuntime({ 'picker/list': () => rows });
  });
  afterEach(() => {
    rt.restore();
    document.documentElement.querySelectorAll('[data-lanyard]').forEach((e) => e.remove());
  });
  const open = async () => {
    openPicker({ anchor: document.getElementById('anchor')!, title: 't', onPick: async () => {} });
    await flush();
    return pickerRoot().querySelector('li[role=option]')!;
  };

  it('each row in the reader’s language: French, German, else English', async () => {
    for (const [languages, name, issuer] of [[['fr'], NAMES.fr, ISSUER_NAMES.fr], [['de'], GERMAN_NAME, ISSUER_NAMES.de], [['en'], NAMES.en, ISSUER_NAMES.en]] as const) {
      rows = [pickerBadge(record, languages)];
      const li = await open();
      expect(shown(li.querySelector('b'))).toBe(name);
      expect(shown(li.querySelector('bdi'))).toBe(issuer);
      expect(li.getAttribute('aria-label')).toBe(`${name}, ${issuer} · Mar 2024, Verified`);
    }
  });

  it('a right-to-left text gets dir="rtl", the direction the badge gives it even where its first letter is Latin', async () => {
    rows = [pickerBadge(record, ['ar'])];
    let li = await open();
    expect(shown(li.querySelector('b'))).toBe(NAMES.ar);
    expect(li.querySelector('b')?.getAttribute('dir')).toBe('rtl');
    expect(li.querySelector('bdi')?.getAttribute('dir')).toBe('rtl');
    rows = [{ ...pickerBadge(record, ['ar']), name: MIXED, issuerName: MIXED }];
    li = await open();
    expect(li.querySelector('b')?.getAttribute('dir')).toBe('rtl');
    expect(li.querySelector('bdi')?.getAttribute('dir')).toBe('rtl');
  });
});
