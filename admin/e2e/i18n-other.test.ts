import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { blockingViolations } from './support/axe';
import { DEMO, useBrowser } from './support/browser';

/** Waits until the screen has drawn what it loads: its landmark is there and no progress indicator turns. */
async function settle(page: Page, ready: string) {
  await page.locator(ready).first().waitFor({ timeout: 15_000 });
  await expect.poll(() => page.locator('[role=progressbar]').count()).toBe(0);
}

/** The screen's words, once it has drawn them. */
async function wordsOf(page: Page, path: string, ready: string) {
  await page.goto(path);
  await settle(page, ready);
  return page.locator('main').innerText();
}

describe('the console in French: sources, entities, import, proposals, audit, account, users and API keys', () => {
  const { signIn, screenshot } = useBrowser();

  it('shows these screens in French once chosen in the app bar, keeps the choice on reload, and passes axe in French', async () => {
    const page = await signIn(DEMO.admin);
    await page.goto('/#/sources');
    await settle(page, 'main tbody tr');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('menuitem', { name: 'Français' }).click();
    await expect.poll(() => page.locator('thead th').allInnerTexts()).toEqual(expect.arrayContaining(['Titre', 'Éditeur', 'Genre']));

    const violations: Record<string, string[]> = {};
    const checkAxe = async (screen: string) => {
      const found = await blockingViolations(page);
      if (found.length > 0) violations[screen] = found;
    };

    // Sources: column names, the search box, a kind from the API's vocabulary; the record's tabs and labels.
    expect(await page.locator('thead th').allInnerTexts()).toEqual(expect.arrayContaining(['Publiée le', 'Fiabilité', 'Enregistrée le']));
    expect(await page.getByPlaceholder('Chercher des sources').count()).toBe(1);
    expect(await page.locator('main tbody').innerText()).toContain('Article de presse');
    await checkAxe('sources list');
    await page.locator('main tbody tr.RaDatagrid-clickableRow').first().click();
    await page.getByRole('tab', { name: 'Détails' }).click();
    await settle(page, 'main [data-testid=story-sources], main .RaLabeled-label');
    const source = await page.locator('main').innerText();
    for (const words of ['Même sujet', 'Versions du texte', 'D’où l’on connaît la date', 'Note sur la fiabilité']) {
      expect(source).toContain(words);
    }
    await page.getByRole('tab', { name: 'Lecture' }).waitFor();
    await checkAxe('source details');

    // Entities: a kind, the merge button, where the entity appears.
    const entities = await wordsOf(page, '/#/entities', 'main tbody tr');
    expect(entities).toMatch(/Personne|Organisation|Lieu/);
    expect(await page.getByPlaceholder('Noms et alias, à la frappe').count()).toBe(1);
    await checkAxe('entities list');
    await page.locator('main tbody tr.RaDatagrid-clickableRow').first().click();
    await page.getByRole('button', { name: 'Fusionner dans…' }).waitFor();
    await settle(page, 'main .RaLabeled-label');
    expect(await page.locator('main').innerText()).toContain('Affirmations à son sujet');
    await checkAxe('entity');

    // Import: headings, tabs, the button, and a count that agrees with its number.
    const importing = await wordsOf(page, '/#/import', '[data-testid=import-page]');
    expect(importing).toContain('Importer une source');
    await page.getByRole('button', { name: 'Importer', exact: true }).waitFor();
    // Checked before a file is chosen: enabling Import fades its colour in, and axe would measure the fade.
    await checkAxe('import');
    await page.getByRole('tab', { name: 'Téléverser des fichiers' }).click();
    expect(await page.locator('main').innerText()).toContain('Aucun fichier choisi.');
    await page.getByTestId('import-files').setInputFiles({ name: 'one.txt', mimeType: 'text/plain', buffer: Buffer.from('One line.') });
    await expect.poll(() => page.locator('main').innerText()).toContain('1 fichier : one.txt');
    await page.getByTestId('import-files').setInputFiles([
      { name: 'one.txt', mimeType: 'text/plain', buffer: Buffer.from('One line.') },
      { name: 'two.txt', mimeType: 'text/plain', buffer: Buffer.from('Two lines.') },
    ]);
    await expect.poll(() => page.locator('main').innerText()).toContain('2 fichiers : one.txt, two.txt');

    // Proposals: the heading counts claims and events in French, whatever other files left waiting.
    const proposals = await wordsOf(page, '/#/proposals', '[data-testid=proposals-page] h5');
    await expect
      .poll(() => page.locator('[data-testid=proposals-page] h5').innerText())
      .toMatch(/^Propositions \(\d+ affirmations?, \d+ événements?\)$/);
    expect(proposals).toContain('Des brouillons qu’un import a tirés du texte');
    await checkAxe('proposals');

    // Audit: a verification's status chip and its pluralised summary, the filters, the count of changes.
    await wordsOf(page, '/#/audit', '[data-testid=last-verification]');
    await page.getByRole('button', { name: 'Vérifier maintenant' }).click();
    const verification = page.getByTestId('last-verification');
    await expect.poll(() => verification.innerText(), { timeout: 30_000 }).toMatch(/RÉUSSIE[\s\S]*révisions vérifiées : 0 problème\./);
    await page.getByRole('combobox', { name: 'Personne ou clé d’API' }).waitFor();
    await expect.poll(() => page.getByTestId('changes-count').innerText()).toMatch(/^[\d\s\u202f]+ modifications?$/);
    expect(await page.getByRole('table', { name: 'Modifications' }).locator('thead').innerText()).toMatch(/Quand\s+Qui\s+Quoi\s+Fiche/);
    await checkAxe('audit');
    await screenshot(page, 'audit-in-french');

    // The account, users and API keys.
    const account = await wordsOf(page, '/#/account', 'main input[type=password]');
    expect(account).toContain('Changer votre mot de passe');
    await page.getByLabel('Mot de passe actuel').waitFor();
    await page.getByRole('button', { name: 'Changer le mot de passe' }).waitFor();
    await checkAxe('account');

    await wordsOf(page, '/#/users', 'main tbody tr');
    expect(await page.locator('thead th').allInnerTexts()).toEqual(expect.arrayContaining(['Nom', 'Adresse e-mail', 'Rôles']));
    expect(await page.locator('main tbody').innerText()).toContain('Administrateur');
    await checkAxe('users');

    await page.goto('/#/apiKeys/create');
    await page.getByLabel('Quelle application cliente').fill('Appli de test en français');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => page.locator('main').innerText()).toContain('Clé pour Appli de test en français. Copiez-la maintenant');
    await page.getByRole('button', { name: 'Copier la clé' }).waitFor();
    await checkAxe('new API key');
    await wordsOf(page, '/#/apiKeys', 'main tbody tr');
    await page.getByRole('link', { name: 'Nouvelle clé' }).waitFor();
    expect(await page.locator('thead th').allInnerTexts()).toEqual(expect.arrayContaining(['Créée le', 'Dernière utilisation', 'État']));
    await checkAxe('API keys');

    expect(violations).toEqual({});

    await page.reload();
    await settle(page, 'main .RaList-main');
    await expect.poll(() => page.locator('thead th').allInnerTexts()).toEqual(expect.arrayContaining(['Dernière utilisation']));
    await page.goto('/#/sources');
    await settle(page, 'main tbody tr');
    expect(await page.locator('thead th').allInnerTexts()).toEqual(expect.arrayContaining(['Titre', 'Publiée le']));
  }, 240_000);
});
