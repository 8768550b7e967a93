/**
 * What a shared link may carry (core/share/escape.ts publicShareUrl): the link goes to LinkedIn,
 * into a post, a mail and a web page, so it must not carry the user's address or any secret.
 */
import { describe, expect, it } from 'vitest';
import { badgeCardHtml, badgeShareText, shareLink } from '../../../src/core/share/card.ts';
import { publicShareUrl } from '../../../src/core/share/escape.ts';
import { linkedInAddToProfileUrl, linkedInShareUrl } from '../../../src/core/share/linkedin.ts';
import { mailtoUrl } from '../../../src/core/share/mail.ts';

const everywhere = (publicUrl: string): string[] => [
  publicShareUrl(publicUrl) ?? '',
  badgeShareText({ name: 'N', publicUrl }),
  badgeCardHtml({ name: 'N', publicUrl, image: publicUrl, issuerName: 'I', issuerUrl: publicUrl }),
  linkedInAddToProfileUrl({ name: 'N', certUrl: publicUrl }),
  linkedInShareUrl(publicUrl) ?? '',
  mailtoUrl({ subject: 'S', body: 'B', link: shareLink({ publicUrl }) }),
];

describe('a shared link never carries the user’s address', () => {
  it('drops Badgr’s identity__email viewer hint (reference §1.8) and keeps the rest of the link', () => {
    const url = 'https://api.badgr.io/public/assertions/abc?identity__email=ada%40home.example&v=2_0';
    expect(publicShareUrl(url)).toBe('https://api.badgr.io/public/assertions/abc?v=2_0');
    expect(publicShareUrl('https://api.badgr.io/public/assertions/abc?identity__email=ada@home.example')).toBe('https://api.badgr.io/public/assertions/abc');
    expect(publicShareUrl('https://api.badgr.io/public/assertions/abc?IDENTITY__URL=https%3A%2F%2Fada.example')).toBe('https://api.badgr.io/public/assertions/abc');
    for (const shared of everywhere(url)) {
      expect(decodeURIComponent(decodeURIComponent(shared))).not.toContain('ada@home.example');
    }
    expect(new URL(linkedInAddToProfileUrl({ name: 'N', certUrl: url })).searchParams.get('certUrl')).toBe('https://api.badgr.io/public/assertions/abc?v=2_0');
  });

  it('refuses a link with an address under any other name, in the query or the fragment', () => {
    for (const bad of ['https://b.example/a/1?email=ada%40home.example', 'https://b.example/a/1?recipient=ada@home.example', 'https://b.example/a/1#to=ada%40home.example']) {
      expect(publicShareUrl(bad), bad).toBeUndefined();
      for (const shared of everywhere(bad)) expect(decodeURIComponent(decodeURIComponent(shared)), bad).not.toContain('ada@home.example');
    }
    // An @ that is not an address stays.
    expect(publicShareUrl('https://b.example/a/1?by=@river')).toBe('https://b.example/a/1?by=@river');
  });
});

describe('a shared link never carries a secret, however it is spelt', () => {
  it('refuses tokens, codes and signatures by their other common names', () => {
    for (const bad of [
      // Badgr's own redirect after confirming an address (reference §1.7) and its login code.
      'https://badgr.example/auth/login?authToken=eyJ',
      'https://badgr.example/auth/login?authCode=abc',
      'https://b.example/a/1?auth_token=s3',
      'https://b.example/a/1?access-token=s3',
      'https://b.example/a/1?private_token=s3',
      'https://b.example/a/1?sessionToken=s3',
      // S3 temporary credentials, Azure SAS, Google's v2 signed URL.
      'https://bucket.s3.example/b.png?X-Amz-Security-Token=abc',
      'https://acct.blob.example/c/b.png?sv=2022-11-02&sig=abc',
      'https://storage.example/b/b.png?GoogleAccessId=x&Expires=1&Signature=abc',
      'https://b.example/a/1?client_secret=s3',
    ]) {
      expect(publicShareUrl(bad), bad).toBeUndefined();
    }
    // A public verification code is not a secret.
    expect(publicShareUrl('https://verify.example/c?code=ABC123')).toBe('https://verify.example/c?code=ABC123');
  });
});

describe('a shared link fits where it goes', () => {
  it('a link longer than the portable 2000 characters is not shared: it would not fit a mail link or a LinkedIn post', () => {
    const long = `https://b.example/a/${'x'.repeat(2100)}`;
    expect(publicShareUrl(long)).toBeUndefined();
    expect(publicShareUrl(`https://b.example/a/${'x'.repeat(1900)}`)).toBeDefined();
  });

  it('the post sentence stays under LinkedIn’s 3,000 characters whatever the badge says', () => {
    const text = badgeShareText({ name: 'N'.repeat(100_000), issuerName: '\u202E'.repeat(100_000), publicUrl: `https://b.example/a/${'x'.repeat(1975)}` });
    expect(text.length).toBeLessThanOrEqual(3000);
    expect(text).toContain('https://b.example/a/xxx');
    // Before: a 4,000-character link made a sentence LinkedIn refuses to post.
    expect(badgeShareText({ name: 'N', publicUrl: `https://b.example/a/${'x'.repeat(4000)}` }).length).toBeLessThanOrEqual(3000);
  });
});

describe('looking for an address costs linear time', () => {
  it('a million characters without an @ are read at once', async () => {
    const { holdsAddress } = await import('../../../src/core/share/escape.ts');
    const start = performance.now();
    expect(holdsAddress('x'.repeat(1_000_000))).toBe(false);
    expect(holdsAddress(`${'x.'.repeat(2000)}@${'y'.repeat(2000)}`)).toBe(false);
    expect(performance.now() - start).toBeLessThan(500);
    expect(holdsAddress('id ada@home.example')).toBe(true);
  });
});
