import { randomUUID } from 'node:crypto';
import { type APIRequestContext, expect } from '@playwright/test';
import { apiGet, apiToken } from './app';
import { type Person, people } from './people';

/** A person a story makes for itself, so that changing their account touches no one else's. */
export type NewPerson = Person & { id: string };

const ACTIEAGENDA = 'actieagenda-sterk-bestuur';

async function post<T>(
  request: APIRequestContext,
  token: string,
  path: string,
  data: unknown,
): Promise<T> {
  const response = await request.post(`/v1${path}`, {
    headers: { Authorization: `Bearer ${token}`, 'Idempotency-Key': randomUUID() },
    data,
  });
  expect(response.status(), `POST ${path}: ${await response.text()}`).toBe(201);
  return (await response.json()) as T;
}

/** The id of the demo programme, the Actieagenda Sterk Bestuur. */
export async function actieagendaId(request: APIRequestContext): Promise<string> {
  const token = await apiToken(request, people.admin);
  const { data } = await apiGet<{ data: Array<{ id: string; slug: string }> }>(
    request,
    token,
    '/programmes?limit=200',
  );
  const programme = data.find((candidate) => candidate.slug === ACTIEAGENDA);
  if (!programme) throw new Error('no Actieagenda in the demo data');
  return programme.id;
}

/**
 * A new account in the BZK, made by the platform administrator through the API, with an
 * editor's role in the Actieagenda: the editor of the BZK's organisation and programme, but
 * a person of the story's own.
 */
export async function createPerson(
  request: APIRequestContext,
  name: string,
  options: { role?: 'coordinator' | 'editor' | 'liaison' | 'viewer' } = {},
): Promise<NewPerson> {
  const admin = await apiToken(request, people.admin);
  const bzk = (
    await apiGet<{ organisation: { id: string } }>(
      request,
      await apiToken(request, people.editorBzk),
      '/me',
    )
  ).organisation.id;
  const unique = randomUUID().slice(0, 8);
  const person = {
    email: `proef.${unique}@example.nl`,
    password: `Stevig-Proefwachtwoord-${unique}`,
    displayName: `${name} ${unique}`,
    organisationCode: 'BZK',
    role: options.role ?? 'editor',
    description: 'Made by a browser test',
  } satisfies Person;
  const user = await post<{ id: string }>(request, admin, '/users', {
    email: person.email,
    displayName: person.displayName,
    organisationId: bzk,
    password: person.password,
  });
  await post(request, admin, `/programmes/${await actieagendaId(request)}/members`, {
    userId: user.id,
    role: person.role,
  });
  return { ...person, id: user.id };
}

/**
 * A second programme with `coordinator` as its coordinator, and an action in it that they
 * own (deadline in a week), so Mijn werk has something to show there.
 */
export async function createSecondProgramme(
  request: APIRequestContext,
  coordinator: NewPerson,
): Promise<{ id: string; name: string; actionTitle: string }> {
  const admin = await apiToken(request, people.admin);
  const unique = randomUUID().slice(0, 8);
  const programme = await post<{ id: string; name: string }>(request, admin, '/programmes', {
    name: `Proefprogramma ${unique}`,
    slug: `proefprogramma-${unique}`,
    description: 'Een tweede programma voor een browsertest.',
    coordinatorUserId: coordinator.id,
  });
  const token = await apiToken(request, coordinator);
  const me = await apiGet<{ organisation: { id: string } }>(request, token, '/me');
  const track = await post<{ id: string }>(request, token, `/programmes/${programme.id}/tracks`, {
    name: 'Proefspoor',
    description: 'Het enige spoor van het proefprogramma.',
  });
  const deadline = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  const actionTitle = `Proefactie in het tweede programma ${unique}`;
  await post(request, token, '/actions', {
    programmeId: programme.id,
    trackId: track.id,
    title: actionTitle,
    description: 'Alleen in het proefprogramma.',
    deadline,
    ownerOrganisationId: me.organisation.id,
    ownerUserId: coordinator.id,
    public: false,
  });
  return { id: programme.id, name: programme.name, actionTitle };
}
