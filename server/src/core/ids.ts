import { createHash, randomUUID } from 'node:crypto';

export const newId = (): string => randomUUID();

const NAMESPACE = Buffer.from('6f1c2b1e8a7d4c0e9b3f5a2d7c4e1b90', 'hex');

/** A name-based (version 5) UUID: the same name always gives the same id, which makes seeds deterministic. */
export function stableId(name: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
