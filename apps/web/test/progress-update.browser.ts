import { type Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { expectAccessible, openSignedIn } from './support/app';
import { newActionOfTheEditor, ownedAction, tabTo } from './support/actions';
import { people } from './support/people';

// Each story updates an action of its own (seeds/actieagenda), so none depends on another.
const OVERDUE =
  'Beleidskader decentraal bestuur opstellen en ter vaststelling aan het kabinet voorleggen';
const SHARED = 'Onderzoek naar het wenselijke aantal raads-, staten- en algemeen-bestuursleden';
const BY_KEYBOARD =
  'Signalen van Platform Sociaal Domein en Platform PLeK agenderen in het interbestuurlijk overleg';

function form(page: Page) {
  return {
    heading: page.getByRole('heading', { level: 1, name: 'Voortgang melden' }),
    health: (name: string) =>
      page.getByRole('group', { name: 'Gezondheid' }).getByRole('radio', { name }),
    percent: page.getByRole('textbox', { name: 'Voortgang in procenten' }),
    narrative: page.getByRole('textbox', { name: 'Toelichting (verplicht)' }),
    reason: page.getByRole('textbox', { name: 'Reden (verplicht)' }),
    save: page.getByRole('button', { name: 'Voortgang opslaan' }),
  };
}

test.describe('Reporting progress', () => {
  test('an owner reports an overdue action at risk, with the reason the form asks for before submitting', async ({
    page,
  }) => {
    await openSignedIn(page, people.editorBzk);
    const overdue = page.getByRole('region', { name: /^Te laat/ });
    await overdue.getByRole('link', { name: OVERDUE }).click();
    await expect(page.getByRole('heading', { level: 1, name: OVERDUE })).toBeVisible();

    await page.getByRole('link', { name: 'Voortgang melden' }).click();
    const f = form(page);
    await expect(f.heading).toBeVisible();
    await expect(page.getByText(OVERDUE)).toBeVisible();
    await expect(f.reason).toHaveCount(0);
    await expectAccessible(page);

    await f.health('Risico').check();
    await expect(f.reason).toBeVisible();
    await expect(f.reason).toHaveAccessibleDescription(
      /verplicht omdat de gezondheid Risico wordt/,
    );
    const narrative =
      'De koepels zijn akkoord met de planning; het kabinet beslist in het voorjaar.';
    await f.narrative.fill(narrative);
    await f.save.click();

    const errors = page.getByRole('alert').filter({ hasText: 'Er is een probleem' });
    await expect(errors).toBeFocused();
    const message = 'Vul een reden in: die is verplicht omdat de gezondheid Risico wordt.';
    await expect(errors.getByRole('link', { name: message })).toBeVisible();
    await expect(f.reason).toHaveAccessibleDescription(
      /Vul een reden in: die is verplicht omdat de gezondheid Risico wordt\./,
    );
    await expect(f.reason).toHaveAttribute('aria-invalid', 'true');
    await expect(f.narrative).toHaveValue(narrative);
    await expectAccessible(page);

    await errors.getByRole('link', { name: message }).click();
    await expect(f.reason).toBeFocused();
    await f.reason.fill('De regiovisie komt later dan gepland; het kader wacht daarop.');
    await f.save.click();

    await expect(page.getByRole('heading', { level: 1, name: OVERDUE })).toBeVisible();
    await expect(page).toHaveURL(/\/acties\/[0-9a-f-]+$/);
    const summary = page.getByRole('region', { name: 'Samenvatting' });
    await expect(summary.getByText('Risico', { exact: true })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Laatste toelichting' })).toContainText(
      narrative,
    );
    await expect(page.getByRole('status')).toHaveText('Voortgang opgeslagen');
  });

  test('two people update the same action: the second sees what changed, keeps what they typed and sends it again', async ({
    page,
    anotherBrowser,
    request,
  }) => {
    const action = await ownedAction(request, people.editorBzk, SHARED);
    const other = await (await anotherBrowser()).newPage();
    const path = `/acties/${action.id}/voortgang`;
    await openSignedIn(page, people.editorBzk, path);
    await openSignedIn(other, people.coordinator, path);
    const mine = form(page);
    const theirs = form(other);
    await expect(mine.heading).toBeVisible();
    await expect(theirs.heading).toBeVisible();

    const myText = 'Onderzoeksrapport ontvangen; de kabinetsreactie volgt in januari.';
    await mine.narrative.fill(myText);
    await mine.percent.fill('95');

    const theirText = 'Oplevering schuift: de begeleidingscommissie vraagt een extra ronde.';
    await theirs.health('Risico').check();
    await theirs.reason.fill('Extra consultatieronde van de begeleidingscommissie.');
    await theirs.narrative.fill(theirText);
    await theirs.save.click();
    await expect(other).toHaveURL(`/acties/${action.id}`);

    await mine.save.click();
    const conflict = page
      .getByRole('alert')
      .filter({ hasText: 'Deze actie is intussen gewijzigd' });
    await expect(conflict).toBeFocused();
    await expect(conflict).toContainText('Gezondheid: Op koers → Risico');
    await expect(conflict).toContainText(`Laatste toelichting is nu: “${theirText}”`);
    await expect(mine.narrative).toHaveValue(myText);
    await expect(mine.percent).toHaveValue('95');
    // A field the person had left alone follows the newer version.
    await expect(mine.health('Risico')).toBeChecked();
    await expectAccessible(page);

    await conflict.getByRole('button', { name: 'Mijn update opnieuw versturen' }).click();
    await expect(page).toHaveURL(`/acties/${action.id}`);
    const summary = page.getByRole('region', { name: 'Samenvatting' });
    await expect(summary.getByText('Risico', { exact: true })).toBeVisible();
    await expect(summary.getByText('95%', { exact: true })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Laatste toelichting' })).toContainText(myText);
    // The history says what each of them changed, in words.
    const history = page.getByRole('region', { name: 'Geschiedenis' });
    await expect(history).toContainText('Gezondheid: Op koers → Risico');
    await expect(history).toContainText('Voortgang: 90% → 95%');
    await expect(page.getByRole('status')).toHaveText('Voortgang opgeslagen');
  });

  test('after a conflict, a reason the person wrote stays in the form and goes with the update, even when the other change made it unnecessary', async ({
    page,
    anotherBrowser,
    request,
  }) => {
    const action = await newActionOfTheEditor(
      request,
      `Proefactie waarin twee mensen tegelijk Risico melden ${Date.now()}`,
      { assigned: false },
    );
    const other = await (await anotherBrowser()).newPage();
    const path = `/acties/${action.id}/voortgang`;
    await openSignedIn(page, people.editorBzk, path);
    await openSignedIn(other, people.coordinator, path);
    const mine = form(page);
    const theirs = form(other);

    const myReason = 'De gemeenten leveren hun gegevens later aan dan afgesproken.';
    await mine.health('Risico').check();
    await mine.reason.fill(myReason);
    await mine.narrative.fill('Gegevens van de gemeenten komen later binnen.');

    await theirs.health('Risico').check();
    await theirs.reason.fill('Capaciteit bij het ministerie is krap.');
    await theirs.narrative.fill('Minder mensen beschikbaar dan gepland.');
    await theirs.save.click();
    await expect(other).toHaveURL(`/acties/${action.id}`);

    await mine.save.click();
    const conflict = page
      .getByRole('alert')
      .filter({ hasText: 'Deze actie is intussen gewijzigd' });
    await expect(conflict).toBeFocused();
    await expect(conflict).toContainText('Gezondheid: Niet beoordeeld → Risico');
    // The health is Risico already, so the reason is no longer required: it is kept all the same.
    const reason = page.getByRole('textbox', { name: 'Reden (niet verplicht)' });
    await expect(reason).toHaveValue(myReason);
    await expectAccessible(page);

    await conflict.getByRole('button', { name: 'Mijn update opnieuw versturen' }).click();
    await expect(page).toHaveURL(`/acties/${action.id}`);
    await expect(page.getByRole('region', { name: 'Voortgang in de tijd' })).toContainText(
      `Reden: ${myReason}`,
    );
  });

  test('the whole update can be made with the keyboard alone, from the action page to the saved state', async ({
    page,
    request,
  }) => {
    const action = await ownedAction(request, people.editorBzk, BY_KEYBOARD);
    await openSignedIn(page, people.editorBzk, `/acties/${action.id}`);
    await expect(page.getByRole('heading', { level: 1, name: BY_KEYBOARD })).toBeVisible();

    await tabTo(page, page.getByRole('link', { name: 'Voortgang melden' }));
    await page.keyboard.press('Enter');
    const f = form(page);
    // The new page's heading has the focus, so the keyboard goes on from the top of it.
    await expect(f.heading).toBeFocused();
    await expect(f.narrative).toBeVisible();

    // Into the health group (the checked choice takes the focus), one down: Risico.
    await tabTo(page, f.health('Op koers'));
    await page.keyboard.press('ArrowDown');
    await expect(f.health('Risico')).toBeChecked();
    await expect(f.reason).toBeVisible();

    await tabTo(page, f.reason);
    await page.keyboard.type('Afstemming met het Platform PLeK loopt uit.');
    await tabTo(page, f.narrative);
    await page.keyboard.type('Agendering verschoven naar het overleg in januari.');
    // Back to the percentage to correct it.
    await tabTo(page, f.percent, 'Shift+Tab');
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('80');
    await tabTo(page, f.save);
    await page.keyboard.press('Enter');

    await expect(page).toHaveURL(`/acties/${action.id}`);
    const summary = page.getByRole('region', { name: 'Samenvatting' });
    await expect(summary.getByText('Risico', { exact: true })).toBeVisible();
    await expect(summary.getByText('80%', { exact: true })).toBeVisible();
    await expect(page.getByRole('status')).toHaveText('Voortgang opgeslagen');
  });
});
