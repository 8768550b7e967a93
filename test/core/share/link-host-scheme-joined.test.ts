/**
 * Link words whose sentence ends right before an address, with no space (as Chinese and Japanese
 * write): "修了証はAWS。https://aws.example.jp/cert". The ideographic full stop between two ASCII
 * letters is read as a dot (link-host.ts DOT_LIKE), and the word was read up to its ':' as one host,
 * "修了証はaws.https": a genuine link got a false "(other host)" note. The same with an ASCII full
 * stop ("the course.https://…"). An address starts a word of its own: "https://" begins a new one.
 */
import { describe, expect, it } from 'vitest';
import { otherHost } from '../../../src/core/share/link-host.ts';

describe('an address joined to the sentence before it', () => {
  it.each([
    ['修了証はAWS。https://aws.example.jp/cert', 'https://aws.example.jp/cert'],
    ['詳しくはVer2。https://example.cn/info', 'https://example.cn/info'],
    ['课程证书Python。http://example.cn/a', 'http://example.cn/a'],
    ['Read about the course.https://course.example/x', 'https://course.example/x'],
  ])('%s: no note on its own address', (words, href) => {
    expect(otherHost(words, href)).toBeUndefined();
  });

  it.each([
    ['harvard。edu https://evil.example/x', 'https://evil.example/x'],
    ['harvard.edu.https://evil.example/x', 'https://evil.example/x'],
    ['修了証はAWS。https://harvard.edu/cert', 'https://evil.example/cert'],
  ])('%s: another host still noted', (words, href) => {
    expect(otherHost(words, href)).toBe('evil.example');
  });
});
