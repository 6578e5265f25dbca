import { type Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { expectAccessible } from './support/app';
import { screenshot } from './support/screenshots';
import { type Mail, type MailSamples, renderMailSamples } from './support/mail-samples';

const base = 'https://tracker.example.nl';
// The e-mails are the server's (libs/notifications), rendered as the worker renders them: the
// browser is where a reader meets them, so that is where they are checked.
let mails: MailSamples;
test.beforeAll(() => {
  mails = renderMailSamples(base);
});

/** A mail client of sorts: the HTML part as the page, nothing else. */
async function open(page: Page, mail: Mail): Promise<void> {
  await page.setContent(mail.html, { waitUntil: 'load' });
}

/** Whether the page is as wide as the window or narrower: nothing to scroll sideways. */
const fitsTheWidth = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

test.describe('E-mails', () => {
  test('a reminder reads well on a desktop: heading, facts, a button to the action', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 720, height: 900 });
    const mail = mails.reminder;
    await open(page, mail);

    await expect(page).toHaveTitle(mail.subject);
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
    const message = page.getByRole('article', { name: mail.subject });
    await expect(message).toBeVisible();
    const dutch = message.locator('[lang="nl"]').first();
    const english = message.locator('[lang="en"]').first();
    await expect(
      dutch.getByRole('heading', {
        level: 1,
        name: `Deadline over 14 dagen: ${mails.actionTitle}`,
      }),
    ).toBeVisible();
    await expect(dutch.getByRole('listitem')).toContainText([
      `Actie: ${mails.actionTitle}`,
      'Trekker: BZK',
      'Deadline: 15 december 2026',
    ]);
    await expect(dutch.getByRole('link', { name: 'Bekijk de actie' })).toHaveAttribute(
      'href',
      `${base}/acties/${mails.actionId}`,
    );
    await expect(
      english.getByRole('heading', { level: 1, name: /^Deadline in 14 days: / }),
    ).toBeVisible();
    await expect(english.getByRole('link', { name: 'View the action' })).toHaveAttribute(
      'href',
      `${base}/acties/${mails.actionId}`,
    );
    await expect(page.getByRole('link', { name: 'meldingsvoorkeuren' })).toHaveAttribute(
      'href',
      mails.preferences,
    );
    // House style: the product's name on a lintblauw bar, body text 16 px in a sans-serif.
    const bar = page.getByText('Sterk Bestuur Tracker', { exact: true });
    await expect(bar).toHaveCSS('color', 'rgb(255, 255, 255)');
    await expect(dutch.getByRole('listitem').first()).toHaveCSS('font-size', '16px');
    await expect(dutch.getByRole('listitem').first()).toHaveCSS('font-family', /sans-serif/);
    await expectAccessible(page);
    expect(await fitsTheWidth(page)).toBe(true);
    await screenshot(page, 'email-reminder');
  });

  test('a request for an update fits a phone (375 px): no sideways scrolling, the button whole', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await open(page, mails.updateRequest);

    const button = page.getByRole('link', { name: 'Schrijf de voortgangsupdate' });
    await expect(button).toHaveAttribute('href', `${base}/acties/${mails.actionId}/voortgang`);
    expect(await fitsTheWidth(page)).toBe(true);
    const box = await button.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(375);
    // A target a thumb can hit (WCAG 2.5.8 asks 24 px).
    expect(box!.height).toBeGreaterThanOrEqual(24);
    await expectAccessible(page);
  });

  test('a digest of every kind: a heading and a button for each, accessible in English first too', async ({
    page,
  }) => {
    for (const language of ['nl', 'en'] as const) {
      await page.setViewportSize({ width: 720, height: 900 });
      await open(page, mails.digest[language]);
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      await expect(page.getByRole('heading', { level: 1 })).toHaveCount(2);
      await expect(page.getByRole('heading', { level: 2 })).toHaveCount(mails.kinds * 2);
      const dutch = page.locator('div[lang="nl"]');
      await expect(
        dutch.getByRole('heading', { level: 2, name: /^Geëscaleerd naar bestuurlijk niveau: / }),
      ).toBeVisible();
      await expect(dutch.getByRole('link', { name: 'Naar Rapportages' })).toHaveAttribute(
        'href',
        `${base}/rapportages`,
      );
      await expect(dutch.getByRole('link', { name: 'Naar Webhooks' })).toHaveAttribute(
        'href',
        `${base}/beheer/webhooks`,
      );
      await expectAccessible(page);
      await page.setViewportSize({ width: 375, height: 800 });
      expect(await fitsTheWidth(page)).toBe(true);
      await expectAccessible(page);
    }
  });
});
