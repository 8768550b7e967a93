/**
 * A badge's format in words for the Details panel ("Open Badges 2.0, hosted by the issuer"), not
 * the engine's id ("ob2.0-hosted", "hosted-url"), which meant nothing to the people Lanyard is for.
 */
import type { BadgeFormat } from '../../core/model.ts';
import type { Translate } from '../i18n.ts';

export function formatName(t: Translate, format: BadgeFormat): string {
  const m = /^ob(\d\.\d)-(hosted|signed)$/.exec(format);
  if (m) return t(m[2] === 'hosted' ? 'formatHosted' : 'formatSigned', m[1] as string);
  switch (format) {
    case 'ob3.0-jwt':
      return t('formatJwt');
    case 'ob3.0-data-integrity':
      return t('formatDataIntegrity');
    case 'ob3.0-unsigned':
      return t('formatUnsigned');
    case 'blockcerts2':
      return t('formatBlockcerts');
    case 'blockcerts3':
      return t('formatBlockcerts3');
    case 'hosted-url':
      return t('formatLink');
    default:
      return t('formatUnknown');
  }
}
