// A reproducible ZIP writer (APPNOTE.TXT 6.3.10: local headers, central directory, end record),
// with no library: the same entries always give the same bytes. Entries are sorted by name (byte
// order of their UTF-8), every entry carries one fixed time, permissions are 0644 or 0755 only
// (made by "UNIX", version 2.0), and data is deflated with Node's zlib at level 9 (stored when
// deflate does not make it smaller). Node ships its own zlib, so one Node version gives one output.
import { crc32, deflateRawSync } from 'node:zlib';

/** 1980-01-01 00:00 UTC: the earliest time a ZIP entry can hold (MS-DOS date and time). */
export const ZIP_EPOCH = Date.UTC(1980, 0, 1) / 1000;

/** MS-DOS date and time fields of a Unix time (seconds, read as UTC; two-second precision). */
export function dosDateTime(unixSeconds) {
  const d = new Date(Math.max(unixSeconds, ZIP_EPOCH) * 1000);
  const time = (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1);
  const date = ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate();
  return { time, date };
}

/**
 * @param {{ name: string, data: Uint8Array, executable?: boolean }[]} entries file entries (no directories)
 * @param {{ mtime?: number }} [opts] Unix seconds for every entry; default 1980-01-01 00:00 UTC
 * @returns {Buffer}
 */
export function createZip(entries, opts = {}) {
  const { time, date } = dosDateTime(opts.mtime ?? ZIP_EPOCH);
  const sorted = entries
    .map((e) => ({ ...e, nameBytes: Buffer.from(e.name, 'utf8') }))
    .sort((a, b) => Buffer.compare(a.nameBytes, b.nameBytes));
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (let i = 0; i < sorted.length; i++) {
    const e = sorted[i];
    if (!e.name || e.name.startsWith('/') || e.name.split('/').includes('..') || e.name.endsWith('/')) throw new Error(`zip: bad entry name ${JSON.stringify(e.name)}`);
    if (i > 0 && e.nameBytes.equals(sorted[i - 1].nameBytes)) throw new Error(`zip: ${e.name} given twice`);
    const data = Buffer.from(e.data.buffer, e.data.byteOffset, e.data.byteLength);
    const deflated = deflateRawSync(data, { level: 9, memLevel: 9 });
    const [method, body] = deflated.length < data.length ? [8, deflated] : [0, data];
    const crc = crc32(data) >>> 0;
    if (offset > 0xfffffffe || data.length > 0xfffffffe) throw new Error('zip: ZIP64 is not supported');
    // general purpose flag bit 11: the name is UTF-8.
    const common = (h, at) => {
      h.writeUInt16LE(20, at); // version needed to extract: 2.0 (deflate)
      h.writeUInt16LE(0x0800, at + 2);
      h.writeUInt16LE(method, at + 4);
      h.writeUInt16LE(time, at + 6);
      h.writeUInt16LE(date, at + 8);
      h.writeUInt32LE(crc, at + 10);
      h.writeUInt32LE(body.length, at + 14);
      h.writeUInt32LE(data.length, at + 18);
      h.writeUInt16LE(e.nameBytes.length, at + 22);
      h.writeUInt16LE(0, at + 24); // extra field length: no extra fields (no varying timestamps, uid or gid)
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    common(local, 4);
    locals.push(local, e.nameBytes, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by: UNIX, spec 2.0 (so the external attributes hold a mode)
    common(central, 6);
    central.writeUInt16LE(0, 32); // comment length
    central.writeUInt16LE(0, 34); // disk number
    central.writeUInt16LE(0, 36); // internal attributes
    central.writeUInt32LE(((e.executable ? 0o100755 : 0o100644) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, e.nameBytes);
    offset += local.length + e.nameBytes.length + body.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  if (sorted.length > 0xffff) throw new Error('zip: too many entries');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(sorted.length, 8);
  end.writeUInt16LE(sorted.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}
