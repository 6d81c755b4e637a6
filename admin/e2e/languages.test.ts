import { describe, expect, it } from 'vitest';

import { DEMO, useBrowser } from './support/browser';

describe('languages', () => {
  const { signIn, screenshot } = useBrowser();

  it('switches the console to French from the app bar, and keeps the choice', async () => {
    const page = await signIn(DEMO.editor);
    await page.goto('/#/claims');
    await page.locator('tbody tr').first().waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('menuitem', { name: 'Français' }).click();

    const menu = page.locator('.RaSidebar-fixed');
    await expect.poll(() => menu.innerText()).toContain('Tableau de bord');
    for (const entry of ['En attente de relecture', 'Importer', 'Propositions', 'Sources', 'Affirmations', 'Événements', 'Entités']) {
      await expect.poll(() => menu.innerText()).toContain(entry);
    }
    await expect
      .poll(() => page.locator('thead th').allInnerTexts())
      .toEqual(expect.arrayContaining(['Texte', 'Déclarant', 'Modalité', 'Statut', 'Enregistrée le']));
    await page.getByRole('button', { name: 'Ajouter un filtre' }).waitFor();
    await screenshot(page, 'claims-in-french');

    await page.reload();
    await expect.poll(() => page.locator('.RaSidebar-fixed').innerText()).toContain('Tableau de bord');
  });
});
