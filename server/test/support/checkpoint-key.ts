import { generateKeyPairSync } from 'node:crypto';

/** A checkpoint signing key for servers the tests start, made per run so none is ever written down. */
export const TEST_CHECKPOINT_KEY = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
