import { describe, expect, it } from 'vitest';

import { DEMO_ACCOUNTS } from './demo-accounts.js';
import { generatePassword, passwordProblem } from './password-policy.js';

const ana = { email: 'ana.kowalczyk@example.org', name: 'Ana Kowalczyk' };

describe('the password policy', () => {
  it('refuses short, common and trivial passwords, saying why', () => {
    expect(passwordProblem('Tr0ub4dor&3', ana)).toBe('must be at least 12 characters');
    for (const weak of ['password1234', 'qwertyuiop123', 'aaaaaaaaaaaaaaaa', '123456789012', 'iloveyou2024!']) {
      expect(passwordProblem(weak, ana), weak).toMatch(/^is too easy to guess/);
    }
    expect(passwordProblem('password1234', ana)).toMatch(/commonly used password/);
  });

  it("refuses a password made of the person's own name or address", () => {
    for (const own of ['ana.kowalczyk@example.org', 'Kowalczyk!2024']) {
      expect(passwordProblem(own, ana), own).toMatch(/^is too easy to guess/);
      expect(passwordProblem(own, { email: 'someone@example.org', name: 'Someone Else' }), own).toBeNull();
    }
  });

  it('takes a few uncommon words, the demo accounts, and what `npm run user:create` generates', () => {
    expect(passwordProblem('purple staple gravel lantern', ana)).toBeNull();
    for (const account of DEMO_ACCOUNTS) expect(passwordProblem(account.password, account), account.email).toBeNull();
    for (let i = 0; i < 50; i++) {
      const generated = generatePassword();
      expect(passwordProblem(generated, ana), generated).toBeNull();
    }
  });
});
