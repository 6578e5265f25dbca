import { type APIRequestContext } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { apiGet, apiToken, expectAccessible, openSignedIn } from './support/app';
import { people, type Person } from './support/people';

interface ActionSummary {
  id: string;
  title: string;
}
interface NotificationSummary {
  kind: string;
  actionId: string | null;
  readAt: string | null;
}

/** One seeded action, by its exact title (seeds/actieagenda), as `person` sees it. */
async function actionTitled(
  request: APIRequestContext,
  person: Person,
  title: string,
): Promise<ActionSummary> {
  const token = await apiToken(request, person);
  const { data } = await apiGet<{ data: ActionSummary[] }>(
    request,
    token,
    `/actions?q=${encodeURIComponent(title)}&limit=20`,
  );
  const action = data.find((candidate) => candidate.title === title);
  if (!action) throw new Error(`no action titled ${title}`);
  return action;
}

test.describe('Responding to an action', () => {
  test('a VNG liaison responds with concerns and mentions the BZK editor, who finds the mention in Meldingen', async ({
    page,
    anotherBrowser,
    request,
  }) => {
    // VNG contributes to this action of IenW; nobody else's story comments on it.
    const action = await actionTitled(
      request,
      people.liaisonVng,
      'Handelingsperspectief infrastructuur (beheer en onderhoud)',
    );
    await openSignedIn(page, people.liaisonVng, `/acties/${action.id}`);
    await expect(page.getByRole('heading', { level: 1, name: action.title })).toBeVisible();
    const respond = page.getByRole('region', { name: 'Reageren' });
    await expect(respond.getByRole('heading', { level: 2, name: 'Reageren' })).toBeVisible();
    await expectAccessible(page);

    // Posting nothing is stopped with the error summary, which takes focus.
    await respond.getByRole('button', { name: 'Reactie plaatsen' }).click();
    const summary = respond.getByRole('alert').filter({ hasText: 'Er is een probleem' });
    await expect(summary).toBeFocused();
    await summary.getByRole('link', { name: 'Schrijf uw reactie.' }).click();
    await expect(respond.getByLabel('Uw reactie')).toBeFocused();
    await expectAccessible(page);

    const body = `De gemeenten missen de kosten van het beheer in het handelingsperspectief (${Date.now()}).`;
    await respond.getByLabel('Uw reactie').fill(body);
    await respond
      .getByRole('group', { name: 'Standpunt van VNG' })
      .getByRole('radio', { name: 'Heeft zorgen' })
      .check();
    const mentions = respond.getByRole('group', { name: 'Leden noemen (niet verplicht)' });
    await mentions
      .getByRole('searchbox', { name: 'Zoek een lid op naam of organisatie' })
      .fill('redacteur bzk');
    await mentions.getByRole('checkbox', { name: 'Redacteur BZK (demo) (BZK)' }).check();
    await expect(mentions.getByText('Gekozen: Redacteur BZK (demo) (BZK).')).toBeVisible();
    await expectAccessible(page);

    await respond.getByRole('button', { name: 'Reactie plaatsen' }).press('Enter');
    await expect(page.getByRole('status')).toHaveText('Reactie geplaatst');
    // The focus stays where the keyboard left it, ready for another comment.
    await expect(respond.getByRole('button', { name: 'Reactie plaatsen' })).toBeFocused();
    await expect(respond.getByText('Standpunt van VNG: Heeft zorgen.')).toBeVisible();
    await expect(respond.getByText('Genoemd: Redacteur BZK (demo) (BZK).')).toBeVisible();
    await expect(respond.getByLabel('Uw reactie')).toHaveValue('');
    await expectAccessible(page);
    // The comments above show it at once, with VNG's position.
    const comments = page.getByRole('region', { name: 'Reacties' });
    await expect(comments).toContainText(body);
    await expect(comments).toContainText('Standpunt: Heeft zorgen');

    // The worker notifies the editor shortly after.
    const editorToken = await apiToken(request, people.editorBzk);
    await expect
      .poll(
        async () => {
          const { data } = await apiGet<{ data: NotificationSummary[] }>(
            request,
            editorToken,
            '/me/notifications?unread=true&limit=50',
          );
          return data.some((n) => n.kind === 'mention' && n.actionId === action.id);
        },
        { timeout: 30_000 },
      )
      .toBe(true);

    // The editor, in a browser of their own, sees the count in the header and the mention.
    const editor = await (await anotherBrowser()).newPage();
    await openSignedIn(editor, people.editorBzk, '/meldingen');
    await expect(editor.getByRole('heading', { level: 1, name: 'Meldingen' })).toBeVisible();
    const notificationsLink = editor
      .getByRole('navigation', { name: 'Hoofdnavigatie' })
      .getByRole('link', { name: /^Meldingen \d+ ongelezen$/ });
    await expect(notificationsLink).toBeVisible();
    // Its name, "Meldingen n ongelezen" (the number badge's label).
    const unreadBefore = Number(
      /Meldingen (\d+) ongelezen/.exec(await notificationsLink.ariaSnapshot())![1],
    );

    const mention = editor.getByRole('article', {
      name: `Liaison VNG (demo) noemde u bij: ${action.title}`,
    });
    await expect(mention).toBeVisible();
    await expect(mention.getByText('Ongelezen', { exact: true })).toBeVisible();
    await expect(mention.getByText(body.slice(0, 40))).toBeVisible();
    await expect(
      mention.getByText('U ontvangt dit omdat Liaison VNG (demo) u noemde in een reactie.'),
    ).toBeVisible();
    await expectAccessible(editor);

    await mention.getByRole('link', { name: 'Naar de actie' }).click();
    await expect(editor).toHaveURL(`/acties/${action.id}`);
    await expect(editor.getByRole('heading', { level: 1, name: action.title })).toBeVisible();

    await editor.goBack();
    await expect(editor.getByRole('heading', { level: 1, name: 'Meldingen' })).toBeVisible();
    await mention.getByRole('button', { name: 'Markeer als gelezen' }).click();
    await expect(editor.getByRole('status')).toHaveText('Melding gemarkeerd als gelezen');
    await expect(mention.getByText('Gelezen', { exact: true })).toBeVisible();
    await expect(mention.getByRole('button', { name: 'Markeer als gelezen' })).toHaveCount(0);
    await expect(
      editor.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', {
        name: unreadBefore === 1 ? 'Meldingen' : `Meldingen ${unreadBefore - 1} ongelezen`,
        exact: true,
      }),
    ).toBeVisible();
    await expectAccessible(editor);
  });

  test('a VNG liaison confirms a closed action VNG contributed to', async ({ page, request }) => {
    // Met, reported by its owner (JenV) and not yet confirmed; VNG contributes.
    const action = await actionTitled(
      request,
      people.liaisonVng,
      'Bestuurlijke en financiële randvoorwaarden van de Spreidingswet vastleggen',
    );
    await openSignedIn(page, people.liaisonVng, `/acties/${action.id}`);
    const respond = page.getByRole('region', { name: 'Reageren' });
    const confirmation = respond.getByRole('region', { name: 'Bevestigen' });
    await expect(confirmation.getByText(/Als contactpersoon van VNG bevestigt u/)).toBeVisible();
    await expectAccessible(page);

    await confirmation.getByRole('button', { name: 'Bevestigen' }).click();
    await expect(page.getByRole('status')).toHaveText('Actie bevestigd');
    const confirmed = confirmation.getByText('Deze actie is bevestigd door een partner.');
    await expect(confirmed).toBeFocused();
    await expect(confirmation.getByRole('button', { name: 'Bevestigen' })).toHaveCount(0);
    await expectAccessible(page);

    // The API agrees: a partner reviewed it.
    const token = await apiToken(request, people.liaisonVng);
    const stored = await apiGet<{ verification: string }>(request, token, `/actions/${action.id}`);
    expect(stored.verification).toBe('partner_reviewed');
  });

  test('an editor of the owner comments without a position and has nothing to confirm', async ({
    page,
    request,
  }) => {
    // BZK owns it; VNG and IPO are partners, BZK itself is not.
    const action = await actionTitled(
      request,
      people.editorBzk,
      'Model voor gelijkwaardig partnerschap toepassen in twee nieuwe Regio Deals',
    );
    await openSignedIn(page, people.editorBzk, `/acties/${action.id}`);
    const respond = page.getByRole('region', { name: 'Reageren' });
    await expect(respond.getByLabel('Uw reactie')).toBeVisible();
    await expect(respond.getByRole('group', { name: /^Standpunt van/ })).toHaveCount(0);
    await expect(respond.getByRole('heading', { name: 'Bevestigen' })).toHaveCount(0);
    await expectAccessible(page);
  });
});
