/** A QR code of a link, drawn as one SVG path (uqr encodes; no canvas, no innerHTML). */
import { encode } from 'uqr';

export function qrPath(data: readonly (readonly boolean[])[]): string {
  let d = '';
  data.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < row.length && row[x]) x++;
      d += `M${start} ${y}h${x - start}v1h${start - x}z`;
    }
  });
  return d;
}

/**
 * The most modules drawn in `size` pixels: about 2 pixels each, or a phone camera cannot read the
 * code (version 14 at most, 73 modules + border). A link of more than ~2300 characters does not
 * fit a QR code at all (uqr throws "Data too long"): an issuer's id can be up to 4096.
 */
const MAX_MODULES = 77;

export function QrCode({ text, label, tooLong, size = 148 }: { text: string; label: string; tooLong: string; size?: number }) {
  let qr: ReturnType<typeof encode> | undefined;
  try {
    qr = encode(text, { ecc: 'M', border: 2 });
  } catch {
    qr = undefined;
  }
  if (!qr || qr.size > MAX_MODULES) return <p class="small muted">{tooLong}</p>;
  return (
    <svg class="qr" role="img" aria-label={label} width={size} height={size} viewBox={`0 0 ${qr.size} ${qr.size}`} shape-rendering="crispEdges">
      <rect width={qr.size} height={qr.size} fill="#fff" />
      <path d={qrPath(qr.data)} fill="#000" />
    </svg>
  );
}
