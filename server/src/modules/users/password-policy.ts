import { randomBytes } from 'node:crypto';

import { guessability } from '../../core/guessability.js';

export const MIN_PASSWORD_LENGTH = 12;
/** zxcvbn's "safely unguessable": about 10^10 guesses, out of reach of an online attacker within the sign-in limits. */
export const MIN_PASSWORD_SCORE = 3;

/** What is wrong with a password for this person, or null: too short, common, or made of their own name or address. */
export function passwordProblem(password: string, person: { email: string; name: string }): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  const local = person.email.split('@')[0]!;
  const { score, feedback } = guessability(password, [person.email, local, person.name, ...person.name.split(/\s+/)]);
  if (score >= MIN_PASSWORD_SCORE) return null;
  const why = [feedback.warning, ...feedback.suggestions].filter(Boolean).join(' ');
  return `is too easy to guess${why ? `: ${why}` : ''} (a few uncommon words, or a password manager's, will do)`;
}

/** 144 random bits: what `npm run user:create` gives when no password is chosen. */
export const generatePassword = (): string => randomBytes(18).toString('base64url');
