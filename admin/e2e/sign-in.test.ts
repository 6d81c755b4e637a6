import { describe, expect, it } from 'vitest';

import { DEMO, useBrowser } from './support/browser';

describe('signing in', () => {
  const { newPage, signIn, screenshot } = useBrowser();

  it('sends a visitor to the login page, refuses a wrong password, and lets an editor in to the dashboard', async () => {
    const page = await newPage();
    await page.goto('/');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(page.url()).toContain('#/login');
    await screenshot(page, 'login');

    await page.locator('input[name=username]').fill(DEMO.editor.email);
    await page.locator('input[name=password]').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    // The answer waits for argon2, which takes over a second on a busy two-core machine.
    await expect.poll(() => page.getByText(/email or password/i).count(), { timeout: 10_000 }).toBeGreaterThan(0);

    await page.locator('input[name=password]').fill(DEMO.editor.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('dashboard').waitFor();
    await expect.poll(() => page.getByTestId('count-claims-VERIFIED').textContent()).toMatch(/^\d+$/);
    await page.getByTestId('timeline-event').first().waitFor();
    await screenshot(page, 'dashboard');
  });

  it('shows each role its own menu: reviewers the review queue, admins users and API keys', async () => {
    const menuOf = async (who: { email: string; password: string }) => {
      const page = await signIn(who);
      const menu = page.locator('.RaSidebar-fixed, .MuiDrawer-root').first();
      await menu.getByText('Claims').waitFor();
      return menu.innerText();
    };
    const editor = await menuOf(DEMO.editor);
    expect(editor).toContain('Waiting for review');
    expect(editor).not.toContain('Users');
    const reviewer = await menuOf(DEMO.reviewer);
    expect(reviewer).toContain('Review queue');
    expect(reviewer).not.toContain('API keys');
    const admin = await menuOf(DEMO.admin);
    expect(admin).toContain('Users');
    expect(admin).toContain('API keys');
  });

  it('returns to the login page when the session ends', async () => {
    const page = await signIn(DEMO.editor);
    await page.context().clearCookies();
    await page.goto('/#/claims');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(page.url()).toContain('#/login');
  });
});
