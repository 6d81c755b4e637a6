import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { blockingViolations } from './support/axe';
import { DEMO, useBrowser } from './support/browser';

const SEED_SOURCE = 'Myanmar and Russia: the Vladivostok meeting signals a rapprochement';

/** Waits until the screen has drawn what it loads: its landmark is there and no progress indicator turns. */
async function settle(page: Page, ready: string) {
  await page.locator(ready).first().waitFor({ timeout: 15_000 });
  await expect.poll(() => page.locator('[role=progressbar]').count()).toBe(0);
}

/** What the screen says, as a person reads it. */
const shown = (page: Page) => page.locator('#main-content').innerText();
/** The page's title, in the app bar. */
const title = (page: Page) => page.locator('#react-admin-title').innerText();

/** The first record of a list, opened as a click on its row opens it: its address, without the leading '#'. */
async function firstRecord(page: Page, resource: string): Promise<string> {
  await page.goto(`/#/${resource}`);
  await page.locator('main tbody tr.RaDatagrid-clickableRow').first().click();
  await page.waitForURL(new RegExp(`#/${resource}/[^/]+/show`));
  return new URL(page.url()).hash.slice(1);
}

describe('the main screens in French', () => {
  const { signIn, screenshot } = useBrowser();

  it('speak French on the dashboard, the claims, the events, the review queue and the reader, and keep the choice', async () => {
    const page = await signIn(DEMO.editor);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('menuitem', { name: 'Français' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(await page.title()).toBe('Registre de provenance · console');

    // The dashboard: its cards, a status chip, and counts written in the plural French takes.
    await settle(page, '[data-testid=dashboard] [data-testid=latest-changes] tbody tr');
    await expect.poll(() => shown(page)).toContain('Où en sont les fiches');
    const dashboard = await shown(page);
    for (const words of ['Chronologie', 'Dernières modifications', 'Vérifiée', 'En relecture', 'Brouillon', 'Pourquoi'])
      expect(dashboard).toContain(words);
    // The counts agree with their number as French writes it (other test files may have added sources by now).
    const counts = /\b(\d+) (sources?), (\d+) (entités?)/.exec(dashboard);
    expect(counts, 'the dashboard counts sources and entities').not.toBeNull();
    const [, sources, sourceWord, entities, entityWord] = counts!;
    expect(sourceWord).toBe(Number(sources) === 1 ? 'source' : 'sources');
    expect(entityWord).toBe(Number(entities) === 1 ? 'entité' : 'entités');
    expect(await blockingViolations(page), 'axe on the dashboard').toEqual([]);
    await screenshot(page, 'fr-dashboard');

    // The claims list: its title, its export menu, its columns and status chips.
    await page.goto('/#/claims');
    await settle(page, 'main tbody tr');
    expect(await page.getByRole('button', { name: 'Exporter' }).count()).toBe(1);
    expect(await page.locator('main tbody [data-status=VERIFIED]').first().innerText()).toBe('Vérifiée');
    expect(await blockingViolations(page), 'axe on the claims list').toEqual([]);

    // A claim's page: its tab, its labels, its tabs for history and notes.
    const claim = await firstRecord(page, 'claims');
    await settle(page, '[data-testid=recorded-by]');
    await expect.poll(() => shown(page)).toContain('Enregistrée par');
    const claimPage = await shown(page);
    expect(await title(page)).toMatch(/^Affirmation : “/);
    for (const words of ['Attribution', 'Modalité', 'Crédibilité', 'Preuves']) expect(claimPage).toContain(words);
    for (const tab of ['Affirmation', 'Historique', 'Notes']) expect(await page.getByRole('tab', { name: tab }).count()).toBe(1);
    expect(await blockingViolations(page), 'axe on a claim').toEqual([]);
    await screenshot(page, 'fr-claim');

    // Its edit form: the page title, the fields' labels and the edit summary.
    await page.goto(`/#${claim.replace(/\/show$/, '')}`);
    await settle(page, 'form textarea, form input[name=reason]');
    await expect.poll(() => title(page)).toBe('Modifier l’affirmation');
    expect(await page.getByLabel('L’affirmation, énoncée simplement').count()).toBe(1);
    expect(await page.getByLabel(/Résumé de la modification : ce que vous avez changé et pourquoi/).count()).toBe(1);
    expect(await blockingViolations(page), 'axe on a claim being edited').toEqual([]);

    // The events list and an event's page.
    await page.goto('/#/events');
    await settle(page, 'main tbody tr');
    expect(await page.getByPlaceholder('Rechercher des événements').count()).toBe(1);
    expect(await page.locator('thead th').allInnerTexts()).toEqual(expect.arrayContaining(['Titre', 'Quand', 'Modalité', 'Statut']));
    expect(await blockingViolations(page), 'axe on the events list').toEqual([]);
    await firstRecord(page, 'events');
    await settle(page, 'main [role=tab]');
    await expect.poll(() => shown(page)).toContain('Affirmations à son sujet');
    expect(await title(page)).toMatch(/^Événement : /);
    expect(await blockingViolations(page), 'axe on an event').toEqual([]);

    // The review queue, as the editor sees what waits.
    await page.goto('/#/review');
    await settle(page, '[data-testid=review-queue] h5');
    expect(await page.locator('[data-testid=review-queue] h5').innerText()).toMatch(/^File de relecture \(\d+\)$/);
    expect(await blockingViolations(page), 'axe on the review queue').toEqual([]);

    // A source's reader: its key, its action and its counts, pluralised.
    await page.goto('/#/sources');
    await page.getByText(SEED_SOURCE).first().click();
    await settle(page, '[data-testid=source-text]');
    const reader = await page.getByTestId('reader').innerText();
    for (const words of ['Légende', 'affirmation', 'événement', 'Vérifiée']) expect(reader).toContain(words);
    expect(await page.getByRole('button', { name: 'Corriger le texte' }).count()).toBe(1);
    expect(reader).toMatch(/Texte v\d+ · [\d\s\u202f]+ caractères · \d+ citations surlignées/);
    expect(await page.getByRole('region', { name: 'Le texte de la source' }).count()).toBe(1);
    expect(await blockingViolations(page), 'axe on the reader').toEqual([]);
    await screenshot(page, 'fr-reader');

    // The choice is kept: after a reload the console is still French, and says so to assistive technology.
    await page.reload();
    await settle(page, '[data-testid=source-text]');
    await expect.poll(() => page.getByRole('button', { name: 'Corriger le texte' }).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(await page.title()).toBe('Registre de provenance · console');
    expect(await page.getByRole('button', { name: 'Français' }).count()).toBe(1);
  });
});
