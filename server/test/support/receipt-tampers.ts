import type { Receipt } from '../../src/core/receipts/receipt.js';
import type { ReceiptCheck } from '../../src/core/receipts/verify.js';

const flipHex = (hex: string) => `${hex[0] === '0' ? '1' : '0'}${hex.slice(1)}`;

/**
 * The kinds of tampering a receipt must show, each with the check that must name it. Each changes a receipt as
 * one who forged it would: the words, the text, the history, the verdict, the proof, the signature.
 */
export const RECEIPT_TAMPERS: Array<{ name: string; check: ReceiptCheck; tamper(receipt: Receipt): void }> = [
  {
    name: 'a changed quote',
    check: 'quote',
    tamper(receipt) {
      const quote = receipt.evidence[0]!.selector[0];
      quote.exact = `${quote.exact!.slice(0, -1)}${quote.exact!.endsWith('x') ? 'y' : 'x'}`;
    },
  },
  {
    name: 'a changed snapshot',
    check: 'snapshot',
    tamper(receipt) {
      const snapshot = receipt.snapshots[0]!;
      snapshot.text = `${snapshot.text!} `;
    },
  },
  {
    name: 'a changed revision',
    check: 'revision hash',
    tamper(receipt) {
      const revision = receipt.chains[0]!.revisions[0]!;
      revision.state = { ...revision.state, credibility: 1, text: `${String(revision.state!.text)}, surely` };
    },
  },
  {
    name: 'a changed review step',
    check: 'review step',
    tamper(receipt) {
      const step = receipt.reviewSteps.at(-1)!;
      step.at = new Date(Date.parse(step.at) + 86_400_000).toISOString();
    },
  },
  {
    name: 'a changed proof',
    check: 'inclusion proof',
    tamper(receipt) {
      const inclusion = receipt.chains[0]!.inclusion!;
      inclusion.path[0] = flipHex(inclusion.path[0]!);
    },
  },
  {
    name: 'a changed signature',
    check: 'signature',
    tamper(receipt) {
      const signature = Buffer.from(receipt.checkpoint!.signature, 'base64');
      signature[0]! ^= 1;
      receipt.checkpoint!.signature = signature.toString('base64');
    },
  },
];
