import { expect, test } from './support/fixtures';
import { expectAccessible, openSignedIn, signIn } from './support/app';
import { actieagendaId, createPerson, createSecondProgramme } from './support/accounts';
import { people } from './support/people';

test.describe('Account', () => {
  test('the account page shows who you are and your role in each programme', async ({ page }) => {
    await openSignedIn(page, people.editorBzk, '/account');

    await expect(page.getByRole('heading', { level: 1, name: 'Account' })).toBeVisible();
    await expect(page).toHaveTitle('Account – Sterk Bestuur Tracker');
    const details = page.getByRole('region', { name: 'Uw gegevens' });
    await expect(details.getByText(people.editorBzk.displayName)).toBeVisible();
    await expect(details.getByText(people.editorBzk.email)).toBeVisible();
    await expect(details.getByText('(BZK)')).toBeVisible();
    const roles = page.getByRole('region', { name: 'Uw rollen per programma' });
    await expect(roles.getByText('Actieagenda Sterk Bestuur')).toBeVisible();
    await expect(roles.getByText('Redacteur')).toBeVisible();
    await expectAccessible(page);
  });

  test('a changed name shows in the app; an empty one is refused at the field', async ({
    page,
    request,
  }) => {
    const person = await createPerson(request, 'Naamwijziging');
    await openSignedIn(page, person, '/account');
    await expect(page.getByText(`Aangemeld als ${person.displayName}`)).toBeVisible();

    const name = page.getByLabel('Weergavenaam');
    await name.fill('   ');
    await page.getByRole('button', { name: 'Naam opslaan' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Er is een probleem' });
    await expect(summary).toBeFocused();
    await expectAccessible(page);
    await summary.getByRole('link', { name: 'Vul uw naam in.' }).click();
    await expect(name).toBeFocused();

    await name.fill(`${person.displayName} (gewijzigd)`);
    await page.getByRole('button', { name: 'Naam opslaan' }).press('Enter');
    await expect(page.getByRole('status')).toHaveText('Uw naam is opgeslagen.');
    // The focus stays on the button, not lost to the page while it was busy.
    await expect(page.getByRole('button', { name: 'Naam opslaan' })).toBeFocused();
    await expect(summary).toHaveCount(0);
    await expect(page.getByText(`Aangemeld als ${person.displayName} (gewijzigd)`)).toBeVisible();
    await expect(
      page
        .getByRole('region', { name: 'Uw gegevens' })
        .getByText(`${person.displayName} (gewijzigd)`),
    ).toBeVisible();

    await page.reload();
    await expect(page.getByText(`Aangemeld als ${person.displayName} (gewijzigd)`)).toBeVisible();
  });

  test('a new password must follow the rules, said in Dutch; then it is the one that signs in', async ({
    page,
    request,
  }) => {
    const person = await createPerson(request, 'Wachtwoordwijziging');
    await openSignedIn(page, person, '/account');
    const current = page.getByLabel('Huidig wachtwoord');
    const next = page.getByLabel('Nieuw wachtwoord', { exact: true });
    const repeat = page.getByLabel('Herhaal het nieuwe wachtwoord');
    const change = page.getByRole('button', { name: 'Wachtwoord wijzigen' });
    const summary = page.getByRole('alert').filter({ hasText: 'Er is een probleem' });

    // Checked in the browser: too short, and not repeated the same.
    await current.fill(person.password);
    await next.fill('kort');
    await repeat.fill('anders');
    await change.click();
    await expect(summary).toBeFocused();
    await expect(
      summary.getByRole('link', { name: 'Het nieuwe wachtwoord moet minstens 12 tekens hebben.' }),
    ).toBeVisible();
    await expect(
      summary.getByRole('link', { name: 'De twee nieuwe wachtwoorden zijn niet gelijk.' }),
    ).toBeVisible();
    await expectAccessible(page);

    // Checked by the API: a wrong current password and a commonly used new one.
    await current.fill('niet-mijn-huidige-wachtwoord');
    await next.fill('password1234');
    await repeat.fill('password1234');
    await change.click();
    await expect(
      summary.getByRole('link', { name: 'Het huidige wachtwoord klopt niet.' }),
    ).toBeVisible();
    await expect(
      summary.getByRole('link', {
        name: 'Dit wachtwoord wordt veel gebruikt en is makkelijk te raden. Kies een ander.',
      }),
    ).toBeVisible();
    await expect(current).toHaveAccessibleDescription('Het huidige wachtwoord klopt niet.');

    const newPassword = `${person.password}-nieuw`;
    await current.fill(person.password);
    await next.fill(newPassword);
    await repeat.fill(newPassword);
    await change.click();
    await expect(page.getByRole('status')).toHaveText(
      'Uw wachtwoord is gewijzigd. U bent afgemeld op uw andere apparaten.',
    );
    await expect(current).toHaveValue('');

    await page.getByRole('button', { name: 'Afmelden', exact: true }).click();
    await signIn(page, person);
    await expect(
      page.getByRole('alert').getByText('Het e-mailadres of het wachtwoord klopt niet.'),
    ).toBeVisible();
    await signIn(page, { ...person, password: newPassword });
    await expect(page.getByRole('heading', { level: 1, name: 'Account' })).toBeVisible();
  });

  test('the app speaks English after choosing it, and Dutch again after choosing that', async ({
    page,
    request,
  }) => {
    const person = await createPerson(request, 'Taalkeuze');
    await openSignedIn(page, person, '/account');

    await page.getByRole('radio', { name: 'English' }).check();
    await page.getByRole('button', { name: 'Taal opslaan' }).click();
    await expect(page.getByRole('status')).toHaveText('The language has been saved: English.');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 2, name: 'Your details' })).toBeVisible();
    await expect(
      page
        .getByRole('navigation', { name: 'Main navigation' })
        .getByRole('link', { name: 'My work' }),
    ).toBeVisible();
    await expectAccessible(page);

    // The choice is the account's: it survives signing in again.
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await signIn(page, person);
    await expect(page.getByRole('heading', { level: 2, name: 'Your details' })).toBeVisible();

    await page.getByRole('radio', { name: 'Nederlands' }).check();
    await page.getByRole('button', { name: 'Save language' }).click();
    await expect(page.getByRole('status')).toHaveText('De taal is opgeslagen: Nederlands.');
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
    await expect(page.getByRole('heading', { level: 2, name: 'Uw gegevens' })).toBeVisible();
  });

  test('signing out everywhere ends the session in another browser too', async ({
    anotherBrowser,
    request,
  }) => {
    const person = await createPerson(request, 'Overal afmelden');
    const laptop = await anotherBrowser();
    const phone = await anotherBrowser();
    const elsewhere = await phone.newPage();
    await openSignedIn(elsewhere, person);
    await expect(elsewhere.getByRole('heading', { level: 1, name: 'Mijn werk' })).toBeVisible();

    const here = await laptop.newPage();
    await openSignedIn(here, person, '/account');
    await here.getByRole('button', { name: 'Afmelden op alle apparaten' }).click();
    await expect(here.getByRole('heading', { level: 1, name: 'Aanmelden' })).toBeVisible();
    await expect(here.getByText('U bent afgemeld.')).toBeVisible();

    // The other browser finds out at its next step.
    await elsewhere.getByRole('link', { name: 'Account' }).click();
    await expect(elsewhere.getByRole('heading', { level: 1, name: 'Aanmelden' })).toBeVisible();
    await expect(elsewhere.getByText('Uw sessie is verlopen. Meld u opnieuw aan.')).toBeVisible();
    await elsewhere.reload();
    await expect(elsewhere.getByRole('heading', { level: 1, name: 'Aanmelden' })).toBeVisible();
  });
});

test.describe('Programme switcher', () => {
  test('a person in two programmes chooses one, and Mijn werk shows that programme', async ({
    page,
    request,
  }) => {
    const person = await createPerson(request, 'Twee programmas');
    const second = await createSecondProgramme(request, person);
    await openSignedIn(page, person);
    await expect(page.getByRole('heading', { level: 1, name: 'Mijn werk' })).toBeVisible();

    const switcher = page.getByRole('form', { name: 'Wissel van programma' });
    const programme = switcher.getByLabel('Programma');
    await programme.selectOption({ label: second.name });
    await switcher.getByRole('button', { name: 'Wissel van programma' }).click();
    await expect(page.getByRole('status')).toHaveText(
      `U werkt nu in het programma ${second.name}.`,
    );
    await expect(page.getByRole('link', { name: second.actionTitle }).first()).toBeVisible();
    await expectAccessible(page);

    // From another page, with the keyboard alone: back to the Actieagenda.
    await page.getByRole('link', { name: 'Account' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Account' })).toBeFocused();
    await programme.focus();
    await programme.selectOption({ label: 'Actieagenda Sterk Bestuur' });
    await expect(page.getByRole('heading', { level: 1, name: 'Account' })).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(switcher.getByRole('button', { name: 'Wissel van programma' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Mijn werk' })).toBeFocused();
    await expect(page.getByRole('status')).toHaveText(
      'U werkt nu in het programma Actieagenda Sterk Bestuur.',
    );
    await expect(page.getByRole('heading', { level: 2, name: /^Te laat/ })).toBeVisible();
    await expect(page.getByRole('link', { name: second.actionTitle })).toHaveCount(0);

    // The choice is remembered in this browser.
    await page.reload();
    await expect(programme).toHaveValue(await actieagendaId(request));
    await expect(page.getByRole('heading', { level: 2, name: /^Te laat/ })).toBeVisible();
    await expect(page.getByRole('link', { name: second.actionTitle })).toHaveCount(0);
  });
});
