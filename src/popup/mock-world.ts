/**
 * Badges named in other scripts and long compounds, for the preview (?preview=1&world=1) and the
 * layout tests: Arabic (right to left), Japanese and Chinese (no spaces to break at), Thai (no
 * spaces either), a German compound of 60 letters, and a Hebrew issuer beside an English name.
 * Then a badge issued to an address the user typed (the longest an address's local part may be,
 * 64 characters, RFC 5321 §4.5.3.1.1) and one whose link is on a private network (no LinkedIn link).
 * Last, a badge with no image whose name is 200 characters of words and whose issuer's name is long.
 */
import type { BadgeDetail, BadgeView } from '../messaging/views.ts';
import { badgeImage, MOCK_NOW } from './mock-data.ts';

/** 64 characters before the @ (RFC 5321 §4.5.3.1.1), then a long domain. */
export const TYPED = `${'ada.lovelace.analytical.engine.notes.'.padEnd(64, 'x')}@department-of-computing.university-of-london.example.ac.uk`;
const at = (days: number) => new Date(MOCK_NOW - days * 86_400_000).toISOString();
const base: Omit<BadgeView, 'key' | 'name'> = { accountId: 'local', tags: [], format: 'ob2.0-signed', verdict: 'valid', recipient: 'ada@example.org', pending: false, verifiedAt: at(0.01) };

/** 200 characters of words: a name as long as some issuers write them. */
export const LONG_NAME = 'Certificate of Advanced Professional Competence in Sustainable Urban Water Management, Flood Risk Assessment and Community Resilience Planning for Coastal Municipalities (Level 7, Module 12 of 14), UK';
export const LONG_ISSUER = 'The International Federation of Continuing Professional Development Providers for Civil and Environmental Engineering';

export function worldBadges(): BadgeView[] {
  // The detail's typedTo rides on the view: the mock's getBadge spreads the view into the detail.
  const typed: BadgeView & Pick<BadgeDetail, 'typedTo'> = { ...base, key: 'local:world-typed', name: 'Typed Address Badge', recipient: null, typedTo: TYPED, issuerName: 'River Club', issuerId: 'https://riverclub.example/issuer', issuedOn: at(60), image: badgeImage(20) };
  return [
    { ...base, key: 'local:world-ar', name: 'شهادة الإسعافات الأولية المتقدمة للعاملين في مجال الرعاية الصحية', issuerName: 'جامعة الملك عبد العزيز – كلية التمريض', issuerId: 'https://nursing.kau.example/issuer', issuerUrl: 'https://nursing.kau.example/', issuedOn: at(3), image: badgeImage(50), publicUrl: 'https://nursing.kau.example/b/1' },
    { ...base, key: 'local:world-ja', name: '二次救命処置（ＡＣＬＳ）プロバイダー認定資格・小児二次救命処置（ＰＡＬＳ）修了証', issuerName: '日本救急医療財団認定教育訓練センター', issuerId: 'https://qq.jp.example/issuer', issuedOn: at(10), image: badgeImage(100), publicUrl: 'https://qq.jp.example/c/2' },
    { ...base, key: 'local:world-zh', name: '中华人民共和国高级中学数学教师资格证书', issuerName: '广东省教育厅教师资格认定指导中心', issuerId: 'https://jyt.gd.example/issuer', issuedOn: at(20), image: badgeImage(150) },
    { ...base, key: 'local:world-de', name: 'Rettungsdienstfortbildungsnachweisberechtigungszertifikatsverlängerung', issuerName: 'Landesärztekammerfortbildungsakademie Baden-Württemberg', issuerId: 'https://akademie.laek-bw.example/issuer', issuedOn: at(30), image: badgeImage(200), publicUrl: 'https://akademie.laek-bw.example/nachweis/Rettungsdienstfortbildungsnachweisberechtigungszertifikatsverlaengerung' },
    { ...base, key: 'local:world-th', name: 'ใบรับรองการปฐมพยาบาลเบื้องต้นและการช่วยชีวิตขั้นพื้นฐานสำหรับครู', issuerName: 'สภากาชาดไทย', issuerId: 'https://redcross.th.example/issuer', issuedOn: at(40), image: badgeImage(250) },
    typed,
    { ...base, key: 'local:world-lan', name: 'Intranet Safety Badge', issuerName: 'Plant Intranet', issuerId: 'http://192.168.1.20/issuer', issuedOn: at(70), image: badgeImage(70), publicUrl: 'http://192.168.1.20/badges/safety-1' },
    { ...base, key: 'local:world-long', name: LONG_NAME, issuerName: LONG_ISSUER, issuerId: 'https://ifcpd.example/issuer', issuerUrl: 'https://ifcpd.example/', issuedOn: at(80), publicUrl: 'https://ifcpd.example/b/7' },
    { ...base, key: 'local:world-he', name: 'Pediatric Advanced Life Support Instructor', issuerName: 'מגן דוד אדום – בית הספר לרפואת חירום', issuerId: 'https://mda.example/issuer', issuedOn: at(50), image: badgeImage(300) },
  ];
}
