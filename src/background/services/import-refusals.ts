/**
 * What an import refuses to add, and says why, before anything is stored (library.ts importOne): a
 * credential of a kind the engine does not verify yet, a link that answered a web page or an HTTP error, was redirected to another scheme or answered too much, an input or
 * link that held no Open Badge at all (no-badge-data.ts), a picture with nothing baked in. Each was
 * once kept as a badge that could never be checked, or a false invalid. `restoring`: a backup's entry,
 * restored as it was kept. Returns the input's kind, known once nothing was refused.
 */
import { ErrorCodes } from '../../core/errors.ts';
import type { InputKind } from '../../core/model.ts';
import type { VerifyResult } from '../../core/result.ts';
import { unbakeablePicture } from './baked-image.ts';
import { ServiceError, ServiceErrorCodes as E } from './errors.ts';
import { noBadgeData } from './no-badge-data.ts';
import type { NetworkLog } from './network-log.ts';

export function refuseUnaddable(result: VerifyResult, bytes: Uint8Array, restoring: boolean, log?: NetworkLog): InputKind {
  const parse = result.checks.find((c) => c.id === 'parse');
  const signature = result.checks.find((c) => c.id === 'signature');
  if (result.input.kind === 'unknown' && parse?.outcome === 'pass' && signature?.code === 'ERR_UNSUPPORTED') {
    // Read, but of a kind the engine does not verify yet (pipeline.ts: an SD-JWT): nothing to show or to trust.
    throw new ServiceError(E.UNSUPPORTED_CREDENTIAL, `Lanyard cannot add this credential yet: ${signature.message}`);
  }
  if (!restoring && !result.badge && result.checks.some((c) => c.id === 'hosted' && c.code === ErrorCodes.WEB_PAGE)) {
    // A link that answered a web page (pipeline.ts isWebPage) holds no badge Lanyard could ever
    // check: it was kept as "Badge at <host>". Not added; said, with what to paste instead. (A
    // backup's entry, keyHint, is restored as it was kept.)
    throw new ServiceError(E.WEB_PAGE, 'That link opens a web page, not the badge\'s data, so it was not added: paste the link to the badge\'s data, or download the badge from that page and add the file');
  }
  const status = !restoring && !result.badge ? result.checks.find((c) => c.id === 'hosted' && c.code === ErrorCodes.HTTP_STATUS) : undefined;
  if (status) {
    // A pasted link that answered an error (pipeline.ts resolveUrl: 404 mistyped or deleted, 503 down):
    // nothing was read, so nothing is a badge yet. It was kept as an unchecked "Badge at <host>".
    throw new ServiceError(E.LINK_STATUS, `That link answered with an error instead of a badge (${status.message}), so it was not added: check the link, or try again later`, undefined, { reason: status.code });
  }
  const notRead = !restoring && !result.badge && result.input.kind === 'url' ? log?.notRead?.[0] : undefined;
  if (notRead && 'scheme' in notRead) {
    // A pasted link redirected to file:, data: or javascript: (host-access.ts; Fetch §4.4: not followed):
    // nothing was read, and nothing there is the link's. It was kept as an unchecked "Badge at <host>".
    throw new ServiceError(E.LINK_REDIRECT, `The link sent Lanyard to a ${notRead.scheme} address, which it does not follow, so it was not added`);
  }
  if (notRead) {
    // A pasted link whose answer is over the host fetch's limit (capped-body.ts): nothing was read, as above.
    throw new ServiceError(E.LINK_TOO_LARGE, `The page at this link is larger than Lanyard reads (${Math.round(notRead.maxBytes / (1024 * 1024))} MB), so it was not added`);
  }
  // No badge was read at all: the input (parse), or what a pasted link served (structure), was no
  // Open Badge (no-badge-data.ts). A link's was kept as an invalid "Badge at <host>", a false
  // invalid; a backup's entry (`restoring`) is restored as it was kept.
  const none = noBadgeData(result);
  const refused = none && (none.id === 'parse' || !restoring) ? none : undefined;
  const picture = refused?.id === 'parse' ? unbakeablePicture(bytes) : undefined;
  if (picture) {
    throw new ServiceError(E.NOT_BAKED, `This image has no badge data inside it: it is a ${picture.toUpperCase()} picture, and badges are baked only into PNG or SVG images. Download the badge from its issuer or backpack, or paste its link`);
  }
  if (refused?.code === ErrorCodes.PARSE_BAKED_AFTER_END) {
    // Not a picture without a badge: a badge baked after the image's end (png.ts), which no reader takes.
    throw new ServiceError(E.BAKED_AFTER_END, `This image carries badge data only after the image's end (its IEND chunk), where no PNG reader looks, so it was not added: it was baked wrongly. Download the badge again from its issuer or backpack, or paste its link`);
  }
  if (refused?.code === ErrorCodes.PARSE_NOT_BAKED) {
    // OB 2.0 §Baking, OB 3.0 §Baked Badge: the badge travels inside its image. A sound image without
    // it is the commonest wrong file (the picture saved from a page), and says what to get instead.
    throw new ServiceError(E.NOT_BAKED, `This image has no badge data inside it: it is a picture, not a baked badge (${refused.message}). Download the badge from its issuer or backpack, or paste its link`, undefined, { reason: refused.code });
  }
  const kind = result.input.kind;
  if (kind === 'unknown' || parse?.outcome === 'fail' || refused) {
    // The engine's code goes with it: the popup says what was found in the reader's language (ReplyError `reason`).
    const found = (refused ?? parse)?.code;
    throw new ServiceError(E.NOT_A_BADGE, `This is not a badge Lanyard can read: ${(refused ?? parse)?.message ?? 'unknown format'}`, undefined, found ? { reason: found } : {});
  }
  return kind;
}
