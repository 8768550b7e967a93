// @vitest-environment jsdom
/**
 * The hostile corpus through every rendering surface (issue 12 point 12), in jsdom: every value of
 * test/fixtures/hostile/corpus.ts in every displayed field of a badge (name, description, criteria
 * narrative and URL, issuer name/URL/e-mail, image, evidence, alignment, tags, check messages),
 * rendered by the popup's badge page and list row, the share card (e-mail/embed HTML), the
 * Markdown HTML, the verify-on-hover card and the picker. What comes out must hold no element or
 * attribute that runs script, no link or image that is not http(s) (or a data: raster/SVG image in
 * <img>), and no bidi control that could reorder what the user reads.
 * The same corpus runs in Chromium through the built extension in test/browser/hostile-popup.test.ts.
 */
import '../content/support/shadow.ts';
import { cleanup, render } from '@testing-library/preact';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgeCardHtml } from '../../src/core/share/card.ts';
import { markdownToHtml } from '../../src/core/share/markdown-html.ts';
import { hideCard, showCard } from '../../src/content/ui/hover-card.ts';
import type { BadgeDetail } from '../../src/messaging/views.ts';
import BadgeScreen from '../../src/popup/badge/BadgeScreen.tsx';
import { BadgeRow } from '../../src/popup/list/BadgeRow.tsx';
import { EnvContext, type PopupEnv } from '../../src/popup/env.ts';
import { createMockActions } from '../../src/popup/mock-actions.ts';
import { detailForDisplay } from '../../src/popup/display.ts';
import { HOSTILE_VALUES, labelOf } from '../fixtures/hostile/corpus.ts';
import { shadowOf } from '../content/support/shadow.ts';
import { now, t } from './render.tsx';

const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;
const RUNNABLE = 'script, iframe, frame, object, embed, applet, base, meta, link, form, style:not([data-lanyard-own]), template, svg script, math';

/** Everything wrong with a rendered tree, as readable lines (empty: nothing wrong). */
function problems(root: ParentNode, ownStyles = 0): string[] {
  const out: string[] = [];
  for (const el of root.querySelectorAll(RUNNABLE)) if (el.tagName !== 'STYLE' || --ownStyles < 0) out.push(`<${el.tagName.toLowerCase()}> element`);
  for (const el of root.querySelectorAll('*')) {
    for (const a of el.getAttributeNames()) {
      if (/^on/i.test(a)) out.push(`${a} attribute on <${el.tagName.toLowerCase()}>`);
      const v = el.getAttribute(a) ?? '';
      if ((a === 'href' || a === 'src' || a === 'action' || a === 'formaction' || a === 'xlink:href') && !/^(https?:\/\/|data:image\/(png|jpeg|gif|webp|svg\+xml)[;,])/i.test(v)) out.push(`${a}="${v.slice(0, 40)}"`);
      if (a === 'style' && /url\(|expression|javascript|position:\s*fixed/i.test(v)) out.push(`style="${v.slice(0, 40)}"`);
    }
  }
  for (const a of root.querySelectorAll('a[href]')) if (/^(javascript|data|vbscript):/i.test((a.getAttribute('href') ?? '').replace(/[\s\u0000-\u001f]/g, ''))) out.push('a javascript:/data: link');
  if (BIDI.test(root.textContent ?? '')) out.push('a bidi control in the text');
  return out;
}

function hostileDetail(v: string): BadgeDetail {
  return {
    key: 'hostile', accountId: 'badgr-us', name: v, description: v, image: v, issuerName: v, issuerUrl: v, issuedOn: '2026-03-02T09:00:00Z', tags: [v, 'ok'],
    format: 'ob3.0-jwt', verdict: 'indeterminate', recipient: v, publicUrl: v, pending: false, verifiedAt: '2026-11-26T11:00:00Z',
    criteria: { url: v, narrative: v }, evidence: [{ id: v, name: v, description: v, narrative: v }], alignments: [{ targetName: v, targetUrl: v, targetDescription: v, targetFramework: v, targetCode: v }],
    issuerId: v, issuerEmail: v, claimedRecipients: [{ type: 'email', identity: v, hashed: false }],
    checks: [{ id: 'issuer-key', outcome: 'indeterminate', message: v, code: 'ERR_ISSUER_UNRESOLVED' }], credentialText: v, originalKind: 'url',
  } as BadgeDetail;
}

const env = (): PopupEnv => {
  const actions = createMockActions();
  return { actions, t, locale: 'en', now };
};

describe(`the hostile corpus (${HOSTILE_VALUES.length} values) through every surface`, () => {
  beforeAll(() => {
    expect(HOSTILE_VALUES.length).toBeGreaterThanOrEqual(200);
  });
  afterAll(() => hideCard());

  it('the popup badge page and list row', async () => {
    const found: string[] = [];
    for (const v of HOSTILE_VALUES) {
      const e = env();
      e.actions.getBadge = async () => ({ ok: true, value: hostileDetail(v) });
      const r = render(
        <EnvContext.Provider value={e}>
          <BadgeRow badge={detailForDisplay(hostileDetail(v), t)} index={0} count={1} top={0} active={false} onClick={() => {}} />
          <BadgeScreen badgeKey="hostile" onShare={() => {}} onAddresses={() => {}} onChanged={() => {}} onRemoved={() => {}} />
        </EnvContext.Provider>,
      );
      await r.findByRole('heading', { level: 2 });
      found.push(...problems(r.container).map((p) => `${labelOf(v)}: ${p}`));
      cleanup();
    }
    expect(found).toEqual([]);
  }, 300_000);

  it('the share card (e-mail and embed HTML) and Markdown HTML', () => {
    const found: string[] = [];
    for (const v of HOSTILE_VALUES) {
      const doc = new DOMParser().parseFromString(`<body>${badgeCardHtml({ name: v, description: v, image: v, issuerName: v, issuerUrl: v, publicUrl: v, issuedOn: v, expires: v })}${markdownToHtml(v)}</body>`, 'text/html');
      found.push(...problems(doc.body).map((p) => `${labelOf(v)}: ${p}`));
    }
    expect(found).toEqual([]);
  }, 300_000);

  it('the verify-on-hover card', () => {
    const found: string[] = [];
    const anchor = document.createElement('a');
    document.body.append(anchor);
    for (const v of HOSTILE_VALUES) {
      const host = showCard(anchor, { kind: 'ready', verdict: { verdict: 'indeterminate', name: v, issuerName: v, issuedOn: v, message: v } as never });
      found.push(...problems(shadowOf(host), 1).map((p) => `${labelOf(v)}: ${p}`));
    }
    expect(found).toEqual([]);
  }, 120_000);
});
