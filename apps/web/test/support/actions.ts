import { type APIRequestContext, expect, type Locator, type Page } from '@playwright/test';
import { apiGet, apiToken } from './app';
import { people, type Person } from './people';

export interface ActionSummary {
  id: string;
  title: string;
  status: string;
  health: string;
  percentComplete: number;
}

/** A seeded action the person owns, by its title (seeds/actieagenda), read through the API. */
export async function ownedAction(
  request: APIRequestContext,
  person: Person,
  title: string,
): Promise<ActionSummary> {
  const token = await apiToken(request, person);
  const { data } = await apiGet<{ data: ActionSummary[] }>(
    request,
    token,
    '/actions?ownerUser=me&limit=200',
  );
  const action = data.find((candidate) => candidate.title === title);
  expect(action, `an action of ${person.email} titled "${title}"`).toBeDefined();
  return action!;
}

/** Presses Tab (or Shift+Tab) until `target` has the focus, as a keyboard user would. */
export async function tabTo(page: Page, target: Locator, key = 'Tab'): Promise<void> {
  for (let presses = 0; presses < 60; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${key} never reached ${target.toString()}`);
}

/**
 * A new action of the BZK, owned by the BZK editor, made by the coordinator through the API
 * (deadline in a month): a story that changes it touches no other story's action. Without
 * `assigned` the BZK owns it but no person, so the editor is not notified of it.
 */
export async function newActionOfTheEditor(
  request: APIRequestContext,
  title: string,
  { assigned = true }: { assigned?: boolean } = {},
): Promise<{ id: string; title: string }> {
  const editor = await apiToken(request, people.editorBzk);
  const me = await apiGet<{ id: string; organisation: { id: string } }>(request, editor, '/me');
  const [template] = (
    await apiGet<{ data: Array<{ programmeId: string; trackId: string }> }>(
      request,
      editor,
      '/actions?ownerUser=me&limit=1',
    )
  ).data;
  const deadline = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const created = await request.post('/v1/actions', {
    headers: { Authorization: `Bearer ${await apiToken(request, people.coordinator)}` },
    data: {
      programmeId: template.programmeId,
      trackId: template.trackId,
      title,
      ownerOrganisationId: me.organisation.id,
      ...(assigned && { ownerUserId: me.id }),
      deadline,
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  return { id: ((await created.json()) as { id: string }).id, title };
}

/** A new action of the BZK (as `newActionOfTheEditor`), reported met by its editor: closed. */
export async function closedActionOfTheEditor(
  request: APIRequestContext,
  title: string,
): Promise<{ id: string; title: string }> {
  const action = await newActionOfTheEditor(request, title);
  const editor = await apiToken(request, people.editorBzk);
  let etag = (
    await request.get(`/v1/actions/${action.id}`, {
      headers: { Authorization: `Bearer ${editor}` },
    })
  ).headers().etag;
  for (const status of ['in_progress', 'met']) {
    const posted = await request.post(`/v1/actions/${action.id}/progress-updates`, {
      headers: { Authorization: `Bearer ${editor}`, 'If-Match': etag },
      data: { status, narrative: `Status ${status} gemeld door de browsertest.` },
    });
    expect(posted.status(), await posted.text()).toBe(201);
    etag = posted.headers().etag;
  }
  return action;
}
