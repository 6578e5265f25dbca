import { readFile } from 'node:fs/promises';
import { expect, test } from './support/fixtures';
import { expectAccessible, openSignedIn } from './support/app';
import { tabTo } from './support/actions';
import { people } from './support/people';

/** A day of last month in Europe/Amsterdam (the 5th), as YYYY-MM-DD. */
function dayLastMonth(): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(
    new Date(),
  );
  const [year, month] = today.split('-').map(Number);
  const last = month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 };
  return `${last.year}-${String(last.month).padStart(2, '0')}-05`;
}

const inWords = (iso: string) =>
  new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(`${iso}T12:00:00Z`),
  );

test.describe('Rapportages', () => {
  test('a coordinator previews last month’s report and downloads it as PDF, XLSX and the draft letter (Word), by keyboard only', async ({
    page,
  }) => {
    const asOf = dayLastMonth();
    const year = asOf.slice(0, 4);
    await openSignedIn(page, people.coordinator, '/rapportages');
    await expect(page.getByRole('heading', { level: 1, name: 'Rapportages' })).toBeFocused();
    await expect(page).toHaveTitle('Rapportages – Sterk Bestuur Tracker');
    await expectAccessible(page);

    // "Zoals het was op": a native date field with its hint, reached from the keyboard. (Its
    // segments' order follows the operating system's locale, so the story sets the value.)
    const asOfField = page.getByRole('textbox', { name: 'Zoals het was op' });
    await expect(asOfField).toHaveAttribute('type', 'date');
    await expect(asOfField).toHaveAccessibleDescription(/zoals het er aan het eind van die dag/);
    await tabTo(page, asOfField);
    await asOfField.fill(asOf);
    await expect(asOfField).toHaveValue(asOf);
    // One track: the first one the list offers, chosen with the arrow key.
    const track = page.getByRole('combobox', { name: 'Spoor' });
    // The organisation behind an action is named as on the action edit form.
    await expect(page.getByRole('combobox', { name: 'Eigenaar (trekker)' })).toBeVisible();
    await tabTo(page, track);
    await page.keyboard.press('ArrowDown');
    const trackName = await track.evaluate(
      (select: HTMLSelectElement) => select.selectedOptions[0].text,
    );
    expect(trackName).not.toBe('Alle');

    await tabTo(page, page.getByRole('button', { name: 'Voorbeeld tonen' }));
    await page.keyboard.press('Enter');
    const preview = page.getByRole('region', { name: 'Voorbeeld' });
    await expect(preview.getByText(`zoals het was op ${inWords(asOf)}`)).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/rapportages\\?asOf=${asOf}&track=[0-9a-f-]{36}$`));
    await expect(page.getByRole('status')).toContainText(`zoals het was op ${inWords(asOf)}`);
    await expect(preview.getByRole('table', { name: 'Acties per status' })).toBeVisible();
    await expect(preview.getByRole('table', { name: 'Open acties per gezondheid' })).toBeVisible();
    const byTrack = preview.getByRole('table', { name: 'Acties per spoor' });
    await expect(byTrack.getByRole('rowheader')).toHaveText([trackName]);
    const rows = preview.getByRole('table', { name: /^Acties in het rapport/ }).getByRole('row');
    expect(await rows.count()).toBeGreaterThan(1);
    await expectAccessible(page);

    // The PDF of that day: the button keeps the focus and says what it saved.
    await tabTo(page, page.getByRole('button', { name: 'PDF downloaden' }));
    const pdfDownload = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    const pdf = await pdfDownload;
    expect(pdf.suggestedFilename()).toBe(`voortgangsrapportage-${asOf}.pdf`);
    expect((await readFile(await pdf.path())).subarray(0, 4).toString('latin1')).toBe('%PDF');
    await expect(page.getByRole('status')).toHaveText(
      `Gedownload: voortgangsrapportage-${asOf}.pdf`,
    );
    await expect(page.getByRole('button', { name: 'PDF downloaden' })).toBeFocused();

    // And the workbook (a ZIP container: "PK").
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Excel (XLSX) downloaden' })).toBeFocused();
    const xlsxDownload = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    const xlsx = await xlsxDownload;
    expect(xlsx.suggestedFilename()).toBe(`voortgangsrapportage-${asOf}.xlsx`);
    expect((await readFile(await xlsx.path())).subarray(0, 2).toString('latin1')).toBe('PK');

    // The draft letter to parliament to finish in Word: a ZIP whose main part is a Word
    // document (its name stands uncompressed in the ZIP's directory).
    const letterButton = page.getByRole('button', {
      name: 'Conceptbrief aan de Kamer (Word) downloaden',
    });
    await tabTo(page, letterButton);
    const docxDownload = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    const docx = await docxDownload;
    expect(docx.suggestedFilename()).toBe(`voortgangsbrief-${asOf}.docx`);
    const letter = await readFile(await docx.path());
    expect(letter.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
    expect(letter.includes('word/document.xml')).toBe(true);
    await expect(page.getByRole('status')).toHaveText(`Gedownload: voortgangsbrief-${asOf}.docx`);
    await expect(letterButton).toBeFocused();

    // A date in the future is refused at the field, before asking the API.
    await asOfField.fill(`${Number(year) + 2}-01-01`);
    await page.getByRole('button', { name: 'Voorbeeld tonen' }).press('Enter');
    const summary = page.getByRole('alert').filter({ hasText: 'Er is een probleem' });
    await expect(summary).toBeFocused();
    await expect(asOfField).toHaveAccessibleDescription(/niet in de toekomst/);
    await expectAccessible(page);
  });

  test('a coordinator publishes the open data under another licence, which the data and their description carry', async ({
    page,
    request,
  }) => {
    await openSignedIn(page, people.coordinator, '/rapportages');
    const openData = page.getByRole('region', { name: 'Open data' });
    const dataset = openData.getByRole('link', {
      name: 'Beschrijving van de dataset voor data.overheid.nl (DCAT-AP-NL, JSON-LD)',
    });
    await expect(dataset).toHaveAttribute(
      'href',
      /^\/v1\/programmes\/[0-9a-f-]{36}\/open-data\/dataset$/,
    );
    const data = (await openData
      .getByRole('link', { name: 'Open data van dit programma (JSON)' })
      .getAttribute('href'))!;
    const licenceOf = async () => {
      const answer = await request.get(data);
      expect(answer.ok()).toBe(true);
      return {
        id: ((await answer.json()) as { licence: { id: string } }).licence.id,
        link: answer.headers().link,
      };
    };
    await expect(
      openData.getByText(
        'De open data worden gepubliceerd onder de licentie CC0 1.0 (geen rechten voorbehouden).',
      ),
    ).toBeVisible();
    const choice = openData.getByRole('combobox', { name: 'Licentie van de open data' });
    await expect(choice).toHaveAccessibleDescription(/CC0 is de standaard/);
    await expectAccessible(page);

    await choice.selectOption({ label: 'CC BY 4.0 (naamsvermelding)' });
    await openData.getByRole('button', { name: 'Licentie opslaan' }).click();
    await expect(page.getByRole('status')).toHaveText(
      'De licentie is opgeslagen: CC BY 4.0 (naamsvermelding).',
    );
    await expect(
      openData.getByText(
        'De open data worden gepubliceerd onder de licentie CC BY 4.0 (naamsvermelding).',
      ),
    ).toBeVisible();
    const changed = await licenceOf();
    expect(changed.id).toBe('cc-by-4.0');
    expect(changed.link).toMatch(/creativecommons\.org\/licenses\/by\/4\.0\/[^>]*>; rel="license"/);

    // Back to the default, for the other stories.
    await choice.selectOption({ label: 'CC0 1.0 (geen rechten voorbehouden)' });
    await openData.getByRole('button', { name: 'Licentie opslaan' }).click();
    await expect(page.getByRole('status')).toHaveText(
      'De licentie is opgeslagen: CC0 1.0 (geen rechten voorbehouden).',
    );
    expect((await licenceOf()).id).toBe('cc0-1.0');
  });

  test('a manager has a report made in the background, follows its progress and downloads it later', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openSignedIn(page, people.viewerUvw, '/rapportages');
    await expect(page.getByRole('heading', { level: 1, name: 'Rapportages' })).toBeFocused();

    const background = page.getByRole('region', { name: 'Rapporten op de achtergrond' });
    await background.getByRole('combobox', { name: 'Formaat' }).selectOption('pdf');
    await background.getByRole('button', { name: 'Op de achtergrond maken' }).click();
    await expect(page.getByRole('status')).toContainText('wordt op de achtergrond gemaakt');
    const item = background.getByRole('listitem').first();
    await expect(item.getByRole('heading', { name: /^PDF, aangevraagd / })).toBeVisible();
    // The worker renders it: queued or running first, then done at 100 percent.
    const bar = item.getByRole('progressbar', { name: 'Voortgang' });
    await expect(bar).toBeVisible();
    await expectAccessible(page);
    await expect(item.getByText(/^Klaar/)).toBeVisible({ timeout: 30_000 });
    await expect(bar).toHaveAttribute('value', '100');
    await expect(item.getByText('100 procent', { exact: true })).toBeVisible();
    await expect(page.getByRole('status')).toHaveText(
      'Het rapport (PDF) is klaar om te downloaden.',
    );
    await expectAccessible(page);

    // Leaving the page does not lose it.
    await page
      .getByRole('navigation', { name: 'Hoofdnavigatie' })
      .getByRole('link', {
        name: 'Mijn werk',
      })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mijn werk' })).toBeFocused();
    await page.goBack();
    const again = page
      .getByRole('region', { name: 'Rapporten op de achtergrond' })
      .getByRole('listitem')
      .first();
    const button = again.getByRole('button', { name: /^Download voortgangsrapportage-.*\.pdf$/ });
    const downloading = page.waitForEvent('download');
    await button.click();
    const file = await downloading;
    expect(file.suggestedFilename()).toMatch(/^voortgangsrapportage-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect((await readFile(await file.path())).subarray(0, 4).toString('latin1')).toBe('%PDF');

    // The deadlines calendar: its address copied for a calendar app; the open data linked.
    const calendar = page.getByRole('region', { name: 'Deadlines in uw agenda' });
    const address = calendar.getByRole('textbox', { name: 'Adres van de agenda' });
    await expect(address).toHaveValue(/\/v1\/programmes\/[0-9a-f-]{36}\/deadlines\.ics$/);
    await calendar.getByRole('button', { name: 'Kopieer' }).click();
    await expect(page.getByRole('status')).toHaveText('Het adres is gekopieerd.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      await address.inputValue(),
    );
    const openData = page.getByRole('region', { name: 'Open data' });
    await expect(
      openData.getByRole('link', { name: 'Open data van dit programma (JSON)' }),
    ).toHaveAttribute('href', /^\/v1\/programmes\/[0-9a-f-]{36}\/open-data$/);
    // The licence is said; only a coordinator chooses it.
    await expect(
      openData.getByText(/^De open data worden gepubliceerd onder de licentie /),
    ).toBeVisible();
    await expect(openData.getByRole('combobox', { name: 'Licentie van de open data' })).toHaveCount(
      0,
    );
    await expectAccessible(page);

    // The worker also told the manager in Meldingen, with a way back to the reports.
    await page
      .getByRole('navigation', { name: 'Hoofdnavigatie' })
      .getByRole('link', { name: /^Meldingen/ })
      .click();
    const ready = page
      .getByRole('article', { name: `Uw rapport is klaar: ${file.suggestedFilename()}` })
      .first();
    await expect(ready).toBeVisible();
    await expectAccessible(page);
    await ready.getByRole('link', { name: 'Naar Rapportages' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Rapportages' })).toBeFocused();
  });
});
