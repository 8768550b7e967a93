// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { badgeUrlOf, clickTarget, hoverUrl, isBadgeImage, isBadgeLink, MAX_URL_LENGTH } from '../../../src/content/sites/badge-urls.ts';
import { fixture, loadPage } from '../support/pages.ts';

describe('badge links', () => {
  it.each([
    ['https://api.badgr.io/public/assertions/Zx9kQ2mT4sWc1aB7', true],
    ['https://api.eu.badgr.io/public/assertions/Zx9kQ2mT4sWc1aB7.json', true],
    ['https://api.badges.parchment.com/public/assertions/Zx9kQ2mT4sWc1aB7?identity__email=a%40b.c', true],
    ['https://badgr.com/public/assertions/Zx9kQ2mT4sWc1aB7', true],
    ['http://127.0.0.1:8787/public/assertions/ada-programmer', true],
    ['https://api.badgr.io/public/assertions/Zx9kQ2mT4sWc1aB7/baked', true],
    ['https://www.credly.com/badges/6c8d1c2a-5b1e-4c6f-9a7e-0123456789ab', true],
    ['https://www.credly.com/badges/6c8d1c2a-5b1e-4c6f-9a7e-0123456789ab/public_url', true],
    ['https://www.youracclaim.com/badges/6c8d1c2a-5b1e-4c6f-9a7e-0123456789ab', true],
    ['https://www.credly.com/earner/earned/badge/6c8d1c2a-5b1e-4c6f-9a7e-0123456789ab', true],
    ['https://badges.example.edu/ob3/credentials/cred-2026-001', true],
    ['https://issuer.example/ims/ob/v3p0/credentials/5f1c0e4a-0001', true],
    ['https://issuer.example.org/badges/assertion-42.json', true],
    ['https://issuer.example.org/openbadges/ob3-credential.jsonld', true],
    ['https://api.badgr.io/public/badges/Zx9kQ2mT4sWc1aB7', false],
    ['https://api.badgr.io/public/issuers/Zx9kQ2mT4sWc1aB7', false],
    ['https://www.credly.com/organizations/acme/badges', false],
    ['https://evil.example/badges/6c8d1c2a-5b1e-4c6f-9a7e-0123456789ab', false],
    ['https://example.org/credentials/login', false],
    ['https://example.org/package.json', false],
    ['https://example.org/about', false],
    ['https://example.org/badges/2026/a.json', false],
    ['https://example.org/x/ob2-notes.json', true],
    ['https://example.org/hob2/notes.json', false],
    // Real shapes seen on public pages (session 9 review): Credly's LinkedIn share link, Badgr and
    // Parchment links with the recipient prefilled, Open Badge Factory's assertion JSON.
    ['https://www.credly.com/badges/630a804c-4fb6-4bc6-86be-552614d370f3/linked_in_profile', true],
    ['https://badgr.com/public/assertions/44_E8-JATAOFlOffZkF8mw?identity__email=a%40b.c', true],
    ['https://badges.parchment.com/public/assertions/21DKZvG-RV6BhE_-5JMHDw', true],
    ['https://api.badgr.io/public/assertions/-Y0oL8FsR4SWjYwKe7lLnw?v=1_1', true],
    ['https://openbadgefactory.com/v1/assertion/a1b2c3d4e5f6.json', true],
    // Collections, not one badge: a Credly wallet, an issuer's list.
    ['https://www.credly.com/users/ada/badges.json', false],
    ['https://issuer.example.org/v1/badges.json', false],
    ['https://issuer.example.org/ob/assertions.json', false],
    ['https://www.credly.com/users/ada/badges', false],
    ['https://www.credly.com/badges/630a804c-4fb6-4bc6-86be-552614d370f3/embed', false],
    ['https://example.org/account/credentials/login', false],
  ])('%s → %s', (url, want) => expect(isBadgeLink(new URL(url))).toBe(want));

  // Page-controlled paths built to make a backtracking pattern blow up: each is classified in one
  // linear pass (the old pattern took ~0.5 s per call on 2.5 KB, and would take hours on 100 KB).
  it.each([
    ['/ob2-'.repeat(505), false],
    ['/ob2-'.repeat(505) + 'x.json', true],
    ['/ob2-'.repeat(20_000) + '.jsn', false],
    ['/badge' + '-'.repeat(100_000) + '.jsonx', false],
    ['/' + 'credential'.repeat(10_000) + '/' + 'a'.repeat(10_000) + '1', false],
    ['/credentials/'.repeat(8_000) + 'x', false],
    ['/credentials/' + '1'.repeat(100_000) + '/', true],
  ].map(([path, want]) => [(path as string).length, path as string, want as boolean] as const))('a pathological path of %i characters → %s', (_n, path, want) => {
    expect(isBadgeLink(new URL('https://example.org' + path))).toBe(want);
  });

  it.each([
    ['https://api.badgr.io/public/assertions/Zx9kQ2mT4sWc1aB7/image', '', true],
    ['https://example.org/img/badge-poetical.png', '', true],
    ['https://example.org/img/x.svg', 'My certificate', true],
    ['https://example.org/img/holiday.png', 'On holiday', false],
    ['https://example.org/img/badge.jpg', 'badge', false],
    // A query string does not hide the file type.
    ['https://cdn.example.org/img/badge-ada.png?size=340&v=2', '', true],
    ['https://cdn.example.org/img/ada.svg?cache=1', 'Ada’s certificate', true],
    // Status badges on code pages are not Open Badges.
    ['https://img.shields.io/badge/build-passing-brightgreen.svg', 'build badge', false],
    ['https://github.com/acme/app/actions/workflows/ci.yml/badge.svg?branch=main', 'CI badge', false],
    ['https://gitlab.com/acme/app/badges/main/pipeline.svg', 'pipeline badge', false],
    ['https://codecov.io/gh/acme/app/branch/main/graph/badge.svg', 'coverage badge', false],
    ['https://badgen.net/npm/v/lanyard.svg', 'npm badge', false],
  ])('image %s (alt %j) → %s', (url, alt, want) => expect(isBadgeImage(new URL(url), alt)).toBe(want));
});

describe('hover URLs leaving the page', () => {
  it.each([
    ['https://api.badgr.io/public/assertions/X1234#frag', 'https://api.badgr.io/public/assertions/X1234'],
    ['/public/assertions/X1234', 'https://page.example/public/assertions/X1234'],
    ['javascript:alert(1)', null],
    ['data:application/json,{}', null],
    ['blob:https://page.example/1234', null],
    ['https://user:pw@api.badgr.io/public/assertions/X1234', null],
    ['ftp://example.org/a.json', null],
    ['https://api.badgr.io/public/assertions/' + 'x'.repeat(MAX_URL_LENGTH), null],
    ['http://[bad', null],
  ])('%s → %s', (raw, want) => expect(hoverUrl(raw, 'https://page.example/post')).toBe(want));
});

describe('badge elements on an ordinary page', () => {
  it('pick links and images that point at badges, and nothing else', () => {
    loadPage(fixture('badge-links.html'));
    const base = 'https://blog.example/2026/badges';
    const of = (id: string) => badgeUrlOf(document.getElementById(id)!, base);
    expect(of('badgr')).toBe('https://api.badgr.io/public/assertions/Zx9kQ2mT4sWc1aB7');
    expect(of('credly')).toMatch(/^https:\/\/www\.credly\.com\/badges\//);
    expect(of('ob3')).toBe('https://badges.example.edu/ob3/credentials/cred-2026-001');
    expect(of('badge-json')).toBe('https://issuer.example.org/badges/assertion-42.json');
    expect(of('assertion-image')).toBe('https://api.eu.badgr.io/public/assertions/Zx9kQ2mT4sWc1aB7/image');
    expect(of('baked')).toBe('https://blog.example/img/badge-poetical-science.png');
    for (const id of ['plain', 'login', 'photo', 'js']) expect(of(id)).toBeNull();
  });
});

describe('where a click on a badge picture goes (clickTarget)', () => {
  const picture = 'https://b.example/img/badge.png';
  it('an SVG link written with xlink:href (SVG 1.1 §17.1, still followed by browsers) around the picture', () => {
    document.body.innerHTML = `<svg><a xlink:href="https://phish.example/claim"><foreignObject><img id="p" src="${picture}" alt="badge"></foreignObject></a></svg>`;
    expect(clickTarget(document.getElementById('p')!, picture, 'https://page.example/')).toBe('phish.example');
  });
  it('an SVG 2 link with href, which wins over xlink:href (SVG 2 §16.2.1)', () => {
    document.body.innerHTML = `<svg><a href="https://phish.example/" xlink:href="${picture}"><foreignObject><img id="p" src="${picture}"></foreignObject></a></svg>`;
    expect(clickTarget(document.getElementById('p')!, picture, 'https://page.example/')).toBe('phish.example');
  });
  it('a host written in punycode, the userinfo left out', () => {
    document.body.innerHTML = `<a href="https://www.credly.com@crédly.example/"><img id="p" src="${picture}"></a><a href="https://сredly.com/"><img id="q" src="${picture}"></a>`;
    expect(clickTarget(document.getElementById('p')!, picture, 'https://page.example/')).toBe('xn--crdly-csa.example');
    expect(clickTarget(document.getElementById('q')!, picture, 'https://page.example/')).toBe('xn--redly-0ye.com');
  });
});
