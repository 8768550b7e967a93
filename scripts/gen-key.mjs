#!/usr/bin/env node
// Manifest `key` and extension id.
//   node scripts/gen-key.mjs        prints the id that manifest.json's `key` gives the extension
//   node scripts/gen-key.mjs --new  makes a new RSA 2048 key pair: prints the `key` value for manifest.json
//                                   and writes the private key to .tmp/lanyard-key.pem (never commit it;
//                                   Chromium only needs the public half to fix the id of an unpacked extension)
// Chromium's id: SHA-256 of the SPKI DER public key, first 16 bytes, each hex digit 0-f mapped to a-p.
import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

/** @param {string} keyBase64 base64 SPKI DER, as in manifest.json's `key` */
export function extensionIdFromKey(keyBase64) {
  const hex = createHash('sha256').update(Buffer.from(keyBase64, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

function main() {
  if (process.argv.includes('--new')) {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const key = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    mkdirSync('.tmp', { recursive: true });
    writeFileSync('.tmp/lanyard-key.pem', privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    console.log(JSON.stringify({ key, id: extensionIdFromKey(key) }, null, 2));
    return;
  }
  const manifest = JSON.parse(readFileSync(new URL('../manifest.json', import.meta.url), 'utf8'));
  console.log(extensionIdFromKey(manifest.key));
}

if (import.meta.url === `file://${process.argv[1]}`) main();
