// @vitest-environment jsdom
/**
 * "Badge image (with its data)" is offered only when the badge has one (BadgeDetail `bakedImage`,
 * src/background/services/library-download.ts): a button that always answered "This badge has no
 * image with its data inside" after the click was a Firefox walk's finding (a badge added as JSON).
 */
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { BadgeDetail } from '../../src/messaging/views.ts';
import { mockSettings } from '../../src/popup/mock-data.ts';
import { createMockActions } from '../../src/popup/mock-actions.ts';
import ShareScreen from '../../src/popup/share/ShareScreen.tsx';
import { renderWithEnv } from './render.tsx';

afterEach(cleanup);

function open(key: string, change: Partial<BadgeDetail> = {}) {
  const actions = createMockActions();
  const get = actions.getBadge;
  actions.getBadge = async (k) => {
    const r = await get(k);
    return r.ok ? { ok: true, value: { ...r.value, ...change } } : r;
  };
  renderWithEnv(<ShareScreen badgeKey={key} settings={mockSettings()} onEditOrgIds={() => {}} />, actions);
  return actions;
}
const describedBy = (el: Element) => (el.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean).map((id) => document.getElementById(id)?.textContent).join(' ');

describe('the baked image download', () => {
  it('is not offered for a badge without one (added as JSON, a JWS or a link): the panel says why, and the JSON is there', async () => {
    const actions = open('ob3-academy:urn-c1');
    await screen.findByRole('button', { name: 'Badge data (JSON)' });
    expect(screen.queryByRole('button', { name: /Badge image/ })).toBeNull();
    expect(screen.getByText('This badge was not added as an image with its data inside, so only its data can be downloaded.')).toBeTruthy();
    expect(actions.calls.some((c) => c.name === 'download')).toBe(false);
  });

  it('is offered for a badge added as its baked PNG or SVG, and saves it', async () => {
    const actions = open('local:9f2c1e');
    fireEvent.click(await screen.findByRole('button', { name: 'Badge image (with its data)' }));
    await screen.findByText('Saved local-9f2c1e.png.');
    expect(actions.saved).toEqual(['local-9f2c1e.png']);
    expect(screen.queryByText(/only its data can be downloaded/)).toBeNull();
  });

  it('from a backpack’s link: the button says it asks the backpack, and a failure says the backpack did not send it', async () => {
    const actions = open('badgr-us:aB3dE5fG7h');
    const button = await screen.findByRole('button', { name: 'Badge image (with its data)' });
    expect(describedBy(button)).toBe('Lanyard asks your backpack for this image when you press the button.');
    actions.download = async () => ({ ok: false, error: { code: 'ERR_NO_BAKED_IMAGE', message: 'The baked image could not be fetched (HTTP 404)' } });
    fireEvent.click(button);
    await screen.findByText('Your backpack did not send the image with its data. Download its data (JSON) instead.');
  });
});
