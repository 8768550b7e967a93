// @vitest-environment jsdom
/**
 * Hostile review (session 17): an evidence item's or alignment's name, and the issuer's name over its
 * homepage link, are the issuer's words: an evidence item named "https://harvard.edu/transcript"
 * linked to evil.example read as Harvard's page on the badge page. Now such a link is followed by the
 * host it goes to (core/share/link-host.ts), as a Markdown link is.
 */
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ExternalLink } from '../../src/popup/badge/BadgeFacts.tsx';
import { LastChecked } from '../../src/popup/badge/LastChecked.tsx';
import { MOCK_NOW } from '../../src/popup/mock-data.ts';
import { renderWithEnv } from './render.tsx';

afterEach(cleanup);

describe('a link whose words name another host', () => {
  it('is followed by the host it goes to', () => {
    const { container } = render(<p><ExternalLink href="https://evil.example/t" text="https://harvard.edu/transcript" /></p>);
    expect(container.textContent).toBe('https://harvard.edu/transcript (evil.example)');
    expect(container.querySelector('a')?.textContent).toBe('https://harvard.edu/transcript');
  });

  it('says nothing more when the words agree with the link or name no host', () => {
    const same = render(<p><ExternalLink href="https://issuer.example/t" text="issuer.example/transcript" /></p>);
    expect(same.container.textContent).toBe('issuer.example/transcript');
    cleanup();
    const words = render(<p><ExternalLink href="https://evil.example/t" text="My transcript" /></p>);
    expect(words.container.textContent).toBe('My transcript');
  });
});

describe('a host the issuer’s server could not be reached at keeps its end', () => {
  it('“could not reach …” names the end of a long host, where its site is, not “harvard.edu.aaa…”', () => {
    const host = `harvard.edu.${'a'.repeat(63)}.${'b'.repeat(63)}.evil.example`;
    const { container } = renderWithEnv(<p><LastChecked badge={{ verifiedAt: new Date(MOCK_NOW - 86_400_000).toISOString(), unreachable: { at: new Date(MOCK_NOW - 60_000).toISOString(), hosts: [host] } }} /></p>);
    expect(container.textContent).toContain('b.evil.example');
    expect(container.textContent).not.toContain('harvard.edu');
  });
});
