import { jwtVerify, SignJWT } from 'jose';

const ISSUER = 'provenance-store';
const AUDIENCE = 'provenance-store/console';
const ALGORITHM = 'HS256';
/** How far ahead of this server's clock another server's may be when it issues a token. */
const CLOCK_SKEW_SECONDS = 30;
/** Checked tokens remembered: one per session in use, at most this many. */
const VERIFIED_KEPT = 10_000;

export interface Session {
  userId: string;
  /** The user's session generation when it was issued: bumping the user's ends every session issued before. */
  generation: number;
  issuedAt: number;
  expiresAt: number;
}

/**
 * Short-lived signed session tokens. Stateless, so any server behind a load balancer can check one; the short
 * life (renewed while in use) bounds what a stolen cookie is worth, and each request re-reads the user, so a
 * disabled account stops at once and a token of an older session generation (signed out, password changed) is
 * refused.
 */
export class SessionTokens {
  private readonly key: Uint8Array;
  /** Tokens whose signature has been checked, oldest first. */
  private readonly verified = new Map<string, Session>();

  constructor(
    secret: string,
    readonly ttlSeconds: number,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  issue(userId: string, generation: number, now = Math.floor(Date.now() / 1000)): Promise<string> {
    return new SignJWT({ gen: generation })
      .setProtectedHeader({ alg: ALGORITHM })
      .setSubject(userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + this.ttlSeconds)
      .sign(this.key);
  }

  /**
   * The session a token holds, or null if it is forged, expired, or not one of ours. A token's signature is
   * checked once: what it proves cannot change, so later requests with it only check that it has not expired.
   * A signature alone does not make a long life: a token issued in the future, or to live longer than sessions
   * live here (issued before the TTL was cut, or minted by hand), is refused.
   */
  async verify(token: string): Promise<Session | null> {
    const now = Math.floor(Date.now() / 1000);
    const known = this.verified.get(token);
    if (known) return known.expiresAt > now ? known : null;
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: [ALGORITHM],
        issuer: ISSUER,
        audience: AUDIENCE,
        requiredClaims: ['sub', 'iat', 'exp', 'gen'],
      });
      if (!Number.isSafeInteger(payload.gen)) return null;
      if (payload.iat! > now + CLOCK_SKEW_SECONDS || payload.exp! - payload.iat! > this.ttlSeconds) return null;
      const session = { userId: payload.sub!, generation: payload.gen as number, issuedAt: payload.iat!, expiresAt: payload.exp! };
      if (this.verified.size >= VERIFIED_KEPT) this.verified.delete(this.verified.keys().next().value!);
      this.verified.set(token, session);
      return session;
    } catch {
      return null;
    }
  }

  /** Past half its life, a session in use gets a fresh token. */
  wantsRenewal(session: Session, now = Math.floor(Date.now() / 1000)): boolean {
    return now - session.issuedAt > this.ttlSeconds / 2;
  }
}

/** What a resolver may do to the caller's session cookie, without knowing about HTTP. */
export interface SessionCookie {
  set(token: string, maxAgeSeconds: number): void;
  clear(): void;
}
