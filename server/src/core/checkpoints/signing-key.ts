import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import type { Config } from '../../config.js';

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

const GENERATED_FILE = 'checkpoint-signing-key.pem';

/** A key given as PEM, or as DER in base64 (one line, easy to pass in an environment variable). */
function parseKey(text: string, kind: 'private' | 'public'): KeyObject {
  const trimmed = text.trim();
  const pem = trimmed.startsWith('-----BEGIN');
  const der = Buffer.from(trimmed, 'base64');
  const key =
    kind === 'private'
      ? createPrivateKey(pem ? trimmed : { key: der, format: 'der', type: 'pkcs8' })
      : createPublicKey(pem ? trimmed : { key: der, format: 'der', type: 'spki' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`the checkpoint ${kind} key is ${key.asymmetricKeyType}, not Ed25519`);
  return key;
}

/**
 * The key checkpoints are signed with: CHECKPOINT_SIGNING_KEY, or the file CHECKPOINT_SIGNING_KEY_FILE names; in
 * development and tests with neither, one made once in the data directory, beside the embedded database's files
 * but never in the database, whose owner could otherwise re-sign a rewritten log. Production refuses to start
 * without one (config.ts).
 */
export function loadSigningKey(config: Pick<Config, 'env' | 'dataDir' | 'checkpoints'>): SigningKey {
  const { signingKey, signingKeyFile } = config.checkpoints;
  let privateKey: KeyObject;
  try {
    if (signingKey) privateKey = parseKey(signingKey, 'private');
    else if (signingKeyFile) privateKey = parseKey(fs.readFileSync(signingKeyFile, 'utf8'), 'private');
    else privateKey = generatedKey(path.join(config.dataDir, GENERATED_FILE));
  } catch (error) {
    throw new Error(`The checkpoint signing key cannot be read: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

function generatedKey(file: string): KeyObject {
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' });
    // Two processes starting at once: the first file written wins, the other reads it.
    try {
      fs.writeFileSync(file, pem, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return parseKey(fs.readFileSync(file, 'utf8'), 'private');
}

/** A public key given on a command line: PEM or base64 DER (SPKI), inline or in a file. */
export function readPublicKey(given: string): KeyObject {
  const text = fs.existsSync(given) ? fs.readFileSync(given, 'utf8') : given;
  return parseKey(text, 'public');
}

export const publicKeyPem = (key: KeyObject): string => key.export({ type: 'spki', format: 'pem' }).toString();
