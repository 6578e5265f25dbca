import { type APIRequestContext } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { apiGet, apiToken, expectAccessible, openSignedIn } from './support/app';
import { people } from './support/people';

interface Organisation {
  id: string;
  code: string;
}

/**
 * A new action of the BZK in which VNG contributes, made by the coordinator, with a progress
 * update by the BZK editor and a comment by the coordinator: what the liaison is to review.
 */
async function changedPartnerAction(
  request: APIRequestContext,
  title: string,
): Promise<{ id: string; narrative: string; comment: string }> {
  const coordinator = await apiToken(request, people.coordinator);
  const editor = await apiToken(request, people.editorBzk);
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const me = await apiGet<{ id: string; organisation: { id: string } }>(request, editor, '/me');
  const [template] = (
    await apiGet<{ data: Array<{ programmeId: string; trackId: string }> }>(
      request,
      editor,
      '/actions?ownerUser=me&limit=1',
    )
  ).data;
  const organisations = await apiGet<{ data: Organisation[] }>(
    request,
    coordinator,
    '/organisations?limit=200',
  );
  const vng = organisations.data.find((organisation) => organisation.code === 'VNG')!;
  const created = await request.post('/v1/actions', {
    headers: auth(coordinator),
    data: {
      programmeId: template.programmeId,
      trackId: template.trackId,
      title,
      ownerOrganisationId: me.organisation.id,
      ownerUserId: me.id,
      deadline: new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10),
      partners: [{ organisationId: vng.id, role: 'contributor' }],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };

  const narrative = `De eerste gemeenten doen mee; de handreiking is in concept klaar (${Date.now()}).`;
  const current = await request.get(`/v1/actions/${id}`, { headers: auth(editor) });
  const posted = await request.post(`/v1/actions/${id}/progress-updates`, {
    headers: { ...auth(editor), 'If-Match': current.headers()['etag'] },
    data: { status: 'in_progress', health: 'on_track', percentComplete: 30, narrative },
  });
  expect(posted.status(), await posted.text()).toBe(201);

  const comment = `Graag de handreiking vóór de zomer met de VNG afstemmen (${Date.now()}).`;
  const commented = await request.post(`/v1/actions/${id}/comments`, {
    headers: auth(coordinator),
    data: { body: comment },
  });
  expect(commented.status(), await commented.text()).toBe(201);
  return { id, narrative, comment };
}

/** Today in Amsterdam, as the date field takes it. */
function today(offset = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(
    new Date(Date.now() + offset * 86_400_000),
  );
}

test.describe('Partnerschap', () => {
  test('a VNG liaison reviews what changed since the last visit in an action VNG contributes to, states a position right there, and picks a date', async ({
    page,
    request,
  }) => {
    // The liaison's visit (a sign-in) before the changes: the page's default "since".
    await apiToken(request, people.liaisonVng);
    const title = `Handreiking gemeentelijke samenwerking ${Date.now()}`;
    const action = await changedPartnerAction(request, title);

    await openSignedIn(page, people.liaisonVng, '/partnerschap');
    await expect(page.getByRole('heading', { level: 1, name: 'Partnerschap' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: /^Gewijzigd sinds/ })).toBeVisible();
    const card = page.getByRole('article', { name: title });
    await expect(card.getByText('Status: Niet gestart → In uitvoering')).toBeVisible();
    await expect(card.getByText('Voortgang: 0% → 30%')).toBeVisible();
    await expect(card.getByText(action.narrative)).toBeVisible();
    await expect(card.getByText(action.comment)).toBeVisible();
    await expect(card.getByText(/Eigenaar: .+\. Uw rol: Bijdrager\./)).toBeVisible();
    await expectAccessible(page);

    // Respond from the card: a comment with VNG's position.
    const open = card.getByRole('button', { name: `Reageren op ${title}` });
    await open.click();
    await expect(open).toHaveAttribute('aria-expanded', 'true');
    const respond = card.getByRole('region', { name: 'Reageren' });
    const body = `VNG steunt de aanpak; graag een gemeentelijke toets (${Date.now()}).`;
    await respond.getByLabel('Uw reactie').fill(body);
    await respond
      .getByRole('group', { name: 'Standpunt van VNG' })
      .getByRole('radio', { name: 'Steunt' })
      .check();
    await respond.getByRole('button', { name: 'Reactie plaatsen' }).click();
    await expect(page.getByRole('status')).toHaveText('Reactie geplaatst');
    await expect(respond.getByRole('button', { name: 'Reactie plaatsen' })).toBeFocused();
    // The new comment joins the card's new comments, with the position stated.
    const comments = card.getByRole('listitem').filter({ hasText: body });
    await expect(comments.getByText('Standpunt: Steunt')).toBeVisible();
    await expectAccessible(page);

    // A date in the future is refused, in the summary and at the field.
    const since = page.getByLabel('Wijzigingen sinds');
    await since.fill(today(3));
    await page.getByRole('button', { name: 'Wijzigingen tonen' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Er is een probleem' });
    await expect(summary).toBeFocused();
    await summary.getByRole('link', { name: 'Kies vandaag of een datum in het verleden.' }).click();
    await expect(since).toBeFocused();
    await expectAccessible(page);

    // Since the start of today (before this story's changes), kept in the address.
    await since.fill(today());
    await page.getByRole('button', { name: 'Wijzigingen tonen' }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]sinds=${today()}`));
    await expect(card.getByText(action.narrative)).toBeVisible();
    await expect(card.getByText(body)).toBeVisible();

    // Back to "since my previous visit": the date leaves the address.
    await page.getByRole('button', { name: 'Sinds mijn vorige bezoek' }).click();
    await expect(page).not.toHaveURL(/sinds=/);
    await expect(since).toHaveValue('');
    // The button went with the date: the focus is on the field, not lost to the page.
    await expect(since).toBeFocused();
    await expect(card.getByText('Voortgang: 0% → 30%')).toBeVisible();
  });
});
