import { expect, test } from './support/fixtures';
import { expectAccessible, openSignedIn } from './support/app';
import { people } from './support/people';

test.describe('Queues (Beheer › Wachtrijen)', () => {
  test('a platform administrator opens the queue dashboard from Beheer and sees every queue', async ({
    page,
  }) => {
    await openSignedIn(page, people.admin, '/beheer');
    await page.getByRole('link', { name: 'Wachtrijen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Wachtrijen' })).toBeVisible();
    await expect(page.getByText(/alleen-lezen/)).toBeVisible();
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Wachtrijdashboard openen' }).click();
    await expect(page).toHaveURL(/\/v1\/admin\/queues\/$/);
    await expect(page).toHaveTitle('Sterk Bestuur Tracker — wachtrijen');
    // The board's own scripts ran under its CSP (the story fails on any violation): it lists
    // the product's queues.
    for (const queue of ['reminders', 'mail', 'reports', 'imports']) {
      await expect(
        page.getByRole('link', { name: new RegExp(`^${queue}\\b`) }).first(),
      ).toBeVisible();
    }
  });

  test('a coordinator has no way in', async ({ page }) => {
    await openSignedIn(page, people.coordinator, '/beheer');
    await expect(page.getByRole('heading', { level: 1, name: 'Beheer' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Wachtrijen' })).toHaveCount(0);

    await page.goto('/beheer/wachtrijen');
    await expect(page.getByRole('heading', { level: 1, name: 'Wachtrijen' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Geen toestemming' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Wachtrijdashboard openen' })).toHaveCount(0);
    await expectAccessible(page);

    const board = await page.request.get('/v1/admin/queues/');
    expect(board.status()).toBe(401);
  });
});
