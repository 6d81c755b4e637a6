/**
 * `npm run receipt:verify -- FILE --public-key KEY`: checks a provenance receipt (from `/receipts/claims/<id>` or
 * `/receipts/events/<id>`) offline, with the checkpoint public key alone (PEM or base64 SPKI, inline or a file,
 * as `/exports/checkpoints/public-key` serves it). No database, no network, no configuration: prints what held,
 * or names each check that failed and where, and exits 1.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';

import { readPublicKey } from '../core/checkpoints/signing-key.js';
import type { Receipt } from '../core/receipts/receipt.js';
import { describeVerification, verifyReceipt } from '../core/receipts/verify.js';

function main(): void {
  const { values, positionals } = parseArgs({ options: { 'public-key': { type: 'string' } }, allowPositionals: true });
  const [file] = positionals;
  if (!file || !values['public-key'] || positionals.length > 1)
    throw new Error('Usage: npm run receipt:verify -- RECEIPT.jsonld --public-key KEY (PEM or base64, inline or a file)');
  const publicKey = readPublicKey(values['public-key']);
  let receipt: Receipt;
  try {
    receipt = JSON.parse(fs.readFileSync(file, 'utf8')) as Receipt;
  } catch (error) {
    throw new Error(`${file} is not a readable JSON receipt: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const verification = verifyReceipt(receipt, publicKey);
  const report = describeVerification(verification);
  if (verification.ok) console.log(report);
  else {
    console.error(report);
    process.exitCode = 1;
  }
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
