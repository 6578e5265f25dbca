import { type APIRequestContext, expect, type Locator, type Page } from '@playwright/test';
import { apiGet, apiToken } from './app';
import type { Person } from './people';

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
