// @vitest-environment jsdom
/**
 * A refusal's fixed sentence (one per error code) and, under a Details, the reply's own reason (which
 * check failed, "a list of 7 items"), which only reached the console before. It can quote hostile
 * input: shown as text, bidi controls made visible, cut.
 */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReplyError } from '../../src/messaging/protocol.ts';
import { BadgeLoadError } from '../../src/popup/badge/BadgeLoadError.tsx';
import { errorDetail } from '../../src/popup/errors.ts';
import { renderApp, renderWithEnv, t } from './render.tsx';

afterEach(cleanup);

const HOSTILE = `a list of 7 items, the 3rd "<img src=x onerror=alert(1)>\u202Egnp.exe" ${'x'.repeat(2000)}`;

async function importScreen(error: ReplyError) {
  const { actions } = renderApp({ scenario: 'first-run' });
  actions.importBadge = async () => ({ ok: false, error });
  fireEvent.click(await screen.findByRole('button', { name: /Just this browser/ }));
  fireEvent.input(await screen.findByLabelText('Or paste a badge link, its JSON or a JWS'), { target: { value: 'https://badges.example.org/a/1' } });
  fireEvent.click(screen.getByRole('button', { name: 'Add badge' }));
  return screen.findByRole('alert');
}

describe('an error\'s own reason under Details', () => {
  it('what Details opens is brought into view (it is often the popup\'s last line, the reason below the fold)', async () => {
    await importScreen({ code: 'ERR_STRUCTURE_INVALID', message: 'a list of 7 items' });
    const details = screen.getByRole('button', { name: 'Details' });
    const shown = document.getElementById(details.getAttribute('aria-controls')!)!;
    const scrolled: Element[] = [];
    shown.scrollIntoView = function (this: Element) {
      scrolled.push(this);
    };
    fireEvent.click(details);
    await waitFor(() => expect(scrolled).toEqual([shown]));
  });

  it('an import refused: the sentence, then Details, which shows the reason as text, cut, its controls visible', async () => {
    const alert = await importScreen({ code: 'ERR_STRUCTURE_INVALID', message: HOSTILE });
    expect(alert.textContent).toContain('not a badge Lanyard can read');
    expect(alert.textContent).not.toContain('a list of 7 items');
    const details = screen.getByRole('button', { name: 'Details' });
    expect(details.getAttribute('aria-expanded')).toBe('false');
    const shown = document.getElementById(details.getAttribute('aria-controls')!)!;
    expect(shown.hidden).toBe(true);
    fireEvent.click(details);
    expect(details.getAttribute('aria-expanded')).toBe('true');
    expect(shown.hidden).toBe(false);
    expect(shown.textContent).toContain('a list of 7 items, the 3rd "<img src=x onerror=alert(1)>⟨RLO⟩gnp.exe"');
    expect(shown.textContent!.length).toBeLessThan(500);
    expect(document.querySelector('img[src="x"]')).toBeNull();
    expect(shown.textContent).not.toContain('\u202E');
    // The next refusal's Details starts closed: it was shown opened, as the last one had been left.
    fireEvent.click(screen.getByRole('button', { name: 'Add badge' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Details' })).not.toBe(details));
    expect(screen.getByRole('button', { name: 'Details' }).getAttribute('aria-expanded')).toBe('false');
  });

  it('no Details when the reason says nothing more than the sentence (the backpack\'s words already in it, or none)', async () => {
    await importScreen({ code: 'REJECTED', message: 'This badge was revoked by its issuer' });
    expect(screen.getByRole('alert').textContent).toContain('This badge was revoked by its issuer');
    expect(screen.queryByRole('button', { name: /^Details/ })).toBeNull();
    for (const e of [{ code: 'ERR_NOT_A_BADGE', message: '' }, { code: 'ERR_NOT_A_BADGE', message: 'ERR_NOT_A_BADGE' }, { code: 'ERR_NOT_A_BADGE', message: 'Not a badge Lanyard can read' }]) {
      expect(errorDetail(t, e), JSON.stringify(e)).toBeUndefined();
    }
  });

  it('with several files refused, each Details says which file it is about', async () => {
    const { actions } = renderApp({ scenario: 'first-run' });
    actions.importBadge = async (source) => ({ ok: false, error: { code: 'ERR_PARSE_PNG', message: `no iTXt chunk in ${source.kind === 'file' ? source.name : ''}` } });
    fireEvent.click(await screen.findByRole('button', { name: /Just this browser/ }));
    const files = ['a.png', 'b.png'].map((n) => new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], n, { type: 'image/png' }));
    fireEvent.change(await screen.findByLabelText('Choose files…'), { target: { files } });
    await screen.findByRole('alert', {}, { timeout: 3000 });
    for (const n of ['a.png', 'b.png']) {
      const details = screen.getByRole('button', { name: `Details ${n}` });
      fireEvent.click(details);
      expect(document.getElementById(details.getAttribute('aria-controls')!)!.textContent).toBe(`no iTXt chunk in ${n}`);
    }
  });

  it('a badge page that could not load: the sentence, then its reason under Details', () => {
    renderWithEnv(<BadgeLoadError error={{ code: 'ERR_INTERNAL', message: 'IndexedDB: the transaction was aborted (QuotaExceededError)' }} onRetry={() => undefined} />);
    expect(screen.getByRole('alert').querySelector('p')!.textContent).toBe(t('errorInternal'));
    fireEvent.click(screen.getByRole('button', { name: 'Details' }));
    expect(screen.getByText('IndexedDB: the transaction was aborted (QuotaExceededError)')).toBeTruthy();
  });
});
