import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { actieagendaId, createPerson } from './support/accounts';
import { apiGet, apiToken, expectAccessible, openSignedIn } from './support/app';
import { people } from './support/people';

/** A message as the receiver got it: the body as sent, since the signature covers it byte for byte. */
interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A webhook receiver of the story's own on 127.0.0.1 (the browser test server allows that
 * network and http): it answers every message with `status` (changeable) and keeps what it got.
 */
async function startReceiver(status: number) {
  const received: Received[] = [];
  const receiver = { url: '', received, status, close: () => Promise.resolve() };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.statusCode = receiver.status;
      response.end(receiver.status >= 300 ? 'Ontvanger tijdelijk stuk' : undefined);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/gebeurtenissen`;
  receiver.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return receiver;
}

/** The signature a receiver expects under `secret` (Standard Webhooks, as its spec says). */
function expectedSignature(secret: string, message: Received): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const content = `${String(message.headers['webhook-id'])}.${String(message.headers['webhook-timestamp'])}.${message.body}`;
  return `v1,${createHmac('sha256', key).update(content, 'utf8').digest('base64')}`;
}

const signaturesOf = (message: Received) => String(message.headers['webhook-signature']).split(' ');

const typeOf = (message: Received) => (JSON.parse(message.body) as { type: string }).type;

async function apiSend(
  request: APIRequestContext,
  token: string,
  method: 'post' | 'patch',
  path: string,
  data: unknown,
  headers: Record<string, string> = {},
) {
  const response = await request[method](`/v1${path}`, {
    headers: { Authorization: `Bearer ${token}`, 'Idempotency-Key': randomUUID(), ...headers },
    data,
  });
  expect(response.ok(), `${method.toUpperCase()} ${path}: ${await response.text()}`).toBe(true);
  return (await response.json()) as { id: string; version: number };
}

test.describe('Webhooks', () => {
  test('a coordinator adds a webhook, keeps its secret, sends a test message and again, changes it, renews the secret, switches it off and deletes it', async ({
    page,
    context,
    request,
  }) => {
    // A long story: a dozen states checked by axe, and three messages through the worker.
    test.setTimeout(120_000);
    const receiver = await startReceiver(204);
    try {
      await openSignedIn(page, people.coordinator, '/beheer');
      await page.getByRole('link', { name: 'Webhooks' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Webhooks' })).toBeFocused();
      await expect(page).toHaveTitle('Webhooks – Sterk Bestuur Tracker');
      await expectAccessible(page);

      // Nothing filled in: refused at the fields, before the API is asked.
      const add = page.getByRole('button', { name: 'Webhook toevoegen' });
      const summary = page.getByRole('alert').filter({ hasText: 'Er is een probleem' });
      await add.click();
      await expect(summary).toBeFocused();
      await expect(summary.getByRole('link', { name: 'Vul het adres in.' })).toBeVisible();
      await expectAccessible(page);
      await summary.getByRole('link', { name: 'Kies minstens één gebeurtenis.' }).click();
      const events = page.getByRole('group', { name: 'Gebeurtenissen' });
      await expect(events.getByRole('checkbox', { name: 'Actie aangemaakt' })).toBeFocused();

      // The cloud's metadata address: the API refuses it (WEBHOOK_TARGET_NOT_PUBLIC), said in Dutch.
      const address = page.getByLabel('Adres (URL)');
      await address.fill('http://169.254.169.254/latest/meta-data/');
      const description = `Dashboard ${randomUUID().slice(0, 8)}`;
      await page.getByLabel('Omschrijving').fill(description);
      await events.getByRole('checkbox', { name: 'Voortgang gemeld' }).check();
      await events.getByRole('checkbox', { name: 'Actie afgesloten' }).check();
      // Only the VNG's actions: the filters are folded away until asked for.
      const vng = page.getByRole('checkbox', { name: 'Vereniging van Nederlandse Gemeenten' });
      await expect(vng).toBeHidden();
      await page.getByText('Filteren op sporen of organisaties (niet verplicht)').click();
      await vng.check();
      await add.click();
      await expect(summary).toBeFocused();
      const notPublic = /Dit adres wijst naar een intern netwerk/;
      await expect(summary.getByRole('link', { name: notPublic })).toBeVisible();
      await expect(address).toHaveAccessibleDescription(notPublic);
      await expectAccessible(page);

      // The story's receiver: the webhook is made and its secret shown, once.
      await address.fill(receiver.url);
      await add.click();
      await expect(
        page.getByRole('heading', { name: 'Het geheim van de nieuwe webhook' }),
      ).toBeFocused();
      await expect(page.getByRole('status')).toHaveText(
        `De webhook voor ${receiver.url} is toegevoegd. Kopieer het geheim nu: u ziet het maar één keer.`,
      );
      await expect(summary).toHaveCount(0);
      await expect(page.getByText(/U ziet het hierna nooit meer/)).toBeVisible();
      const secretField = page.getByLabel(`Geheim van ${description}`);
      await expect(secretField).not.toBeEditable();
      const secret = await secretField.inputValue();
      expect(secret).toMatch(/^whsec_/);
      await expectAccessible(page);
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.getByRole('button', { name: 'Kopieer het geheim' }).click();
      await expect(page.getByRole('status')).toHaveText('Het geheim is gekopieerd.');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
      const stored = await page.evaluate(() =>
        JSON.stringify([{ ...localStorage }, { ...sessionStorage }]),
      );
      expect(stored).not.toContain(secret);
      await page.getByRole('button', { name: 'Ik heb het geheim bewaard' }).click();
      await expect(secretField).toHaveCount(0);
      await expect(page.getByRole('heading', { name: 'Webhooks van dit programma' })).toBeFocused();
      const row = page
        .getByRole('table', { name: 'Webhooks van dit programma' })
        .getByRole('row')
        .filter({ hasText: description });
      await expect(row).toContainText('Voortgang gemeld');
      await expect(row).toContainText('Actie afgesloten');
      await expect(row.getByRole('cell', { name: 'Aan', exact: true })).toBeVisible();
      await expect(row.getByRole('cell', { name: 'Nog niet' }).first()).toBeVisible();
      await expect(page.getByText(secret)).toHaveCount(0);
      await expectAccessible(page);

      // Its page: a test message, signed with the secret shown, delivered to the receiver (204).
      await row.getByRole('link', { name: description }).click();
      await expect(
        page.getByRole('heading', { level: 1, name: `Webhook ${description}` }),
      ).toBeFocused();
      await expect(
        page.getByText('Er zijn nog geen berichten naar deze webhook gestuurd.'),
      ).toBeVisible();
      await expectAccessible(page);
      await page.getByRole('button', { name: 'Testbericht sturen' }).click();
      const log = page.getByRole('table', { name: 'Afleveringen, de nieuwste eerst' });
      const ping = log.getByRole('row').filter({ hasText: 'Testbericht' });
      await expect(ping.getByRole('cell', { name: 'Afgeleverd' })).toBeVisible();
      await expect(ping.getByRole('cell', { name: '204', exact: true })).toBeVisible();
      await expect(page.getByRole('status')).toHaveText(
        'Testbericht is afgeleverd: de ontvanger antwoordde met statuscode 204.',
      );
      expect(receiver.received).toHaveLength(1);
      const first = receiver.received[0];
      expect(typeOf(first)).toBe('nl.sterk-bestuur.webhook.ping');
      expect(signaturesOf(first)).toEqual([expectedSignature(secret, first)]);
      await expectAccessible(page);

      // What was sent and answered.
      await ping.getByRole('button', { name: /^Details van Testbericht/ }).click();
      const details = page.getByRole('region', { name: /^Testbericht van / });
      await expect(details.getByRole('heading', { name: /^Testbericht van / })).toBeFocused();
      await expect(
        details.getByText(String(first.headers['webhook-id']), { exact: true }),
      ).toBeVisible();
      await expect(details.getByText(/"type": "nl\.sterk-bestuur\.webhook\.ping"/)).toBeVisible();
      await expect(details.getByText('De ontvanger gaf geen tekst terug.')).toBeVisible();
      await expectAccessible(page);
      await details.getByRole('button', { name: 'Details sluiten' }).click();
      await expect(details).toHaveCount(0);
      await expect(ping.getByRole('button', { name: /^Details van Testbericht/ })).toBeFocused();

      // Sent again: the same message id, so the receiver can tell it had it.
      await ping.getByRole('button', { name: /^Opnieuw versturen: Testbericht/ }).click();
      // Said at once, then followed until the worker has sent it (checked every second): the
      // outcome is announced before the story goes on, so it cannot replace a later message.
      await expect(page.getByRole('status')).toHaveText(
        'Testbericht wordt opnieuw verstuurd, met hetzelfde id: een ontvanger die het al had, herkent het.',
      );
      await expect.poll(() => receiver.received.length).toBe(2);
      expect(receiver.received[1].headers['webhook-id']).toBe(first.headers['webhook-id']);
      await expect(page.getByRole('status')).toHaveText(
        'Testbericht is afgeleverd: de ontvanger antwoordde met statuscode 204.',
      );
      await expect(ping.getByRole('cell', { name: 'Afgeleverd' })).toBeVisible();

      // Changed meanwhile by an integration: the save names the version read (If-Match) and is
      // refused; what the person typed stays, and saving again goes over the newer version.
      const programme = await actieagendaId(request);
      const token = await apiToken(request, people.coordinator);
      const path = `/programmes/${programme}/webhooks`;
      const { items } = await apiGet<{ items: Array<{ id: string; description: string }> }>(
        request,
        token,
        path,
      );
      const webhookId = items.find((item) => item.description === description)!.id;
      await page.getByRole('button', { name: 'Wijzigen', exact: true }).click();
      const editing = page.getByRole('region', { name: `Webhook ${description} wijzigen` });
      await expect(editing.getByRole('heading')).toBeFocused();
      const renamed = `${description} gewijzigd`;
      await editing.getByLabel('Omschrijving').fill(renamed);
      await editing.getByRole('checkbox', { name: 'Reactie geplaatst' }).check();
      await expectAccessible(page);
      const now = await request.get(`/v1${path}/${webhookId}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      await apiSend(
        request,
        token,
        'patch',
        `${path}/${webhookId}`,
        { url: receiver.url },
        { 'If-Match': now.headers().etag },
      );
      await editing.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
      await expect(summary).toBeFocused();
      await expect(summary).toContainText('Iemand anders heeft deze webhook intussen gewijzigd');
      await expect(editing.getByLabel('Omschrijving')).toHaveValue(renamed);
      await editing.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
      await expect(page.getByRole('status')).toHaveText('De wijzigingen zijn opgeslagen.');
      await expect(page.getByRole('heading', { name: 'Instellingen' })).toBeFocused();
      await expect(
        page.getByRole('heading', { level: 1, name: `Webhook ${renamed}` }),
      ).toBeVisible();
      await expect(
        page.getByText('Voortgang gemeld, Actie afgesloten, Reactie geplaatst'),
      ).toBeVisible();
      await expect(
        page.getByText('Vereniging van Nederlandse Gemeenten', { exact: true }),
      ).toBeVisible();
      await expect(summary).toHaveCount(0);

      // A new secret; the old one keeps signing for a day, so each message carries both.
      await page.getByRole('button', { name: 'Geheim vernieuwen' }).click();
      await expect(
        page.getByRole('heading', { name: `Nieuw geheim voor webhook ${renamed}` }),
      ).toBeFocused();
      await expect(page.getByRole('radio', { name: 'Een dag (aangeraden)' })).toBeChecked();
      await expectAccessible(page);
      await page.getByRole('button', { name: 'Nieuw geheim maken' }).click();
      await expect(page.getByRole('heading', { name: 'Het nieuwe geheim' })).toBeFocused();
      const newSecret = await page.getByLabel(`Geheim van ${renamed}`).inputValue();
      expect(newSecret).toMatch(/^whsec_/);
      expect(newSecret).not.toBe(secret);
      await expect(
        page.getByText(/^Het vorige geheim blijft geldig tot \d+ \w+ \d{4}/),
      ).toBeVisible();
      await expectAccessible(page);
      await page.getByRole('button', { name: 'Ik heb het geheim bewaard' }).click();
      await expect(page.getByLabel(`Geheim van ${renamed}`)).toHaveCount(0);
      await expect(page.getByRole('heading', { name: 'Instellingen' })).toBeFocused();
      await expect(page.getByText(/^Ondertekent ook nog tot /)).toBeVisible();
      await page.getByRole('button', { name: 'Testbericht sturen' }).click();
      await expect.poll(() => receiver.received.length).toBe(3);
      const third = receiver.received[2];
      expect(signaturesOf(third).sort()).toEqual(
        [expectedSignature(newSecret, third), expectedSignature(secret, third)].sort(),
      );
      // The page says the test message's outcome once it is recorded; only then switch off,
      // or that later announcement takes the place of the one this step waits for.
      await expect(page.getByRole('status')).toHaveText(
        'Testbericht is afgeleverd: de ontvanger antwoordde met statuscode 204.',
      );

      // Off, said in words; then deleted after a confirmation, back on the list.
      await page.getByRole('button', { name: 'Uitzetten' }).click();
      await expect(page.getByRole('status')).toHaveText(
        `Webhook ${renamed} staat uit: er wordt niets meer verstuurd.`,
      );
      await expect(page.getByText('Uit: uitgezet door een persoon')).toBeVisible();
      await expect(page.getByRole('button', { name: 'Aanzetten' })).toBeFocused();
      await expectAccessible(page);
      await page.getByRole('button', { name: 'Verwijderen', exact: true }).click();
      await expect(
        page.getByRole('heading', { name: `Webhook ${renamed} verwijderen?` }),
      ).toBeFocused();
      await expectAccessible(page);
      await page.getByRole('button', { name: 'Ja, verwijderen' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Webhooks' })).toBeFocused();
      await expect(page.getByRole('status')).toHaveText(`Webhook ${renamed} is verwijderd.`);
      await expect(page.getByRole('link', { name: renamed })).toHaveCount(0);
      await expectAccessible(page);
      const gone = await request.get(`/v1${path}/${webhookId}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(gone.status()).toBe(404);
    } finally {
      await receiver.close();
    }
  });

  test('a webhook whose receiver keeps failing is switched off; its maker follows the notification, mends it and sends the message again', async ({
    page,
    request,
  }) => {
    // Retries, switching off and sending again all go through the worker: slow on a busy machine.
    test.setTimeout(120_000);
    const receiver = await startReceiver(500);
    try {
      // The scene: a coordinator's integration subscribes to the receiver and sends a test
      // message; the receiver answers 500 every time, and after the last retry (seconds apart
      // in the browser tests) the worker switches the webhook off and tells its maker.
      const coordinator = await createPerson(request, 'Coördinator webhooks', {
        role: 'coordinator',
      });
      const token = await apiToken(request, coordinator);
      const path = `/programmes/${await actieagendaId(request)}/webhooks`;
      const description = `Ontvanger die faalt ${randomUUID().slice(0, 8)}`;
      const webhook = await apiSend(request, token, 'post', path, {
        url: receiver.url,
        description,
        eventTypes: ['nl.sterk-bestuur.action.closed'],
      });
      await apiSend(request, token, 'post', `${path}/${webhook.id}/pings`, undefined);
      await expect
        .poll(
          async () => {
            const { data } = await apiGet<{ data: Array<{ kind: string }> }>(
              request,
              token,
              '/me/notifications?limit=50',
            );
            return data.some((notification) => notification.kind === 'webhook_disabled');
          },
          { timeout: 60_000 },
        )
        .toBe(true);
      expect(receiver.received.length).toBe(3);

      await openSignedIn(page, coordinator, '/meldingen');
      const notification = page.getByRole('article', {
        name: 'Webhook uitgeschakeld na een dag mislukte afleveringen',
      });
      await expect(notification).toContainText(receiver.url);
      await expectAccessible(page);
      await notification.getByRole('link', { name: 'Naar Webhooks' }).click();
      await expect(page).toHaveURL('/beheer/webhooks');
      await expect(page.getByRole('heading', { level: 1, name: 'Webhooks' })).toBeFocused();
      const row = page.getByRole('row').filter({ hasText: description });
      await expect(row).toContainText(
        'Uit: automatisch uitgezet, omdat de berichten een dag lang niet aankwamen',
      );
      await expectAccessible(page);

      await row.getByRole('link', { name: description }).click();
      await expect(
        page.getByRole('heading', { level: 1, name: `Webhook ${description}` }),
      ).toBeFocused();
      await expect(page.getByText('Melding van het systeem:')).toBeVisible();
      // The log's one row, whatever the filter (the table's caption says which).
      const ping = page.getByRole('row').filter({ hasText: 'Testbericht' });
      await expect(ping.getByRole('cell', { name: 'Mislukt' })).toBeVisible();
      await expect(ping.getByRole('cell', { name: '500', exact: true })).toBeVisible();
      await expect(ping.getByRole('cell', { name: '3', exact: true })).toBeVisible();
      await expectAccessible(page);

      // Only failed ones, then the receiver's answer.
      await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Mislukt' });
      await page.getByRole('button', { name: 'Filteren' }).click();
      await expect(
        page.getByRole('table', { name: 'Afleveringen met status Mislukt, de nieuwste eerst' }),
      ).toBeVisible();
      await ping.getByRole('button', { name: /^Details van Testbericht/ }).click();
      const details = page.getByRole('region', { name: /^Testbericht van / });
      await expect(details.getByText('Ontvanger tijdelijk stuk')).toBeVisible();
      await expectAccessible(page);
      await details.getByRole('button', { name: 'Details sluiten' }).click();

      // Mended: switched on, the failed test message goes out by itself; and once more by hand.
      receiver.status = 204;
      await page.getByRole('button', { name: 'Aanzetten' }).click();
      await expect(page.getByRole('status')).toHaveText(
        `Webhook ${description} staat aan. Berichten die nog wachtten of mislukten, worden nu verstuurd.`,
      );
      await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Alle' });
      await expect(async () => {
        await page.getByRole('button', { name: 'Filteren' }).click();
        await expect(ping.getByRole('cell', { name: 'Afgeleverd' })).toBeVisible({ timeout: 1000 });
      }).toPass({ timeout: 60_000 });
      expect(receiver.received.length).toBe(4);
      await ping.getByRole('button', { name: /^Opnieuw versturen: Testbericht/ }).click();
      await expect(page.getByRole('status')).toHaveText(
        'Testbericht is afgeleverd: de ontvanger antwoordde met statuscode 204.',
      );
      await expect(ping.getByRole('cell', { name: 'Afgeleverd' })).toBeVisible();
      expect(receiver.received.length).toBe(5);
      await expectAccessible(page);
    } finally {
      await receiver.close();
    }
  });

  test('the webhooks are the coordinators’: an editor finds no link and is told the page is not theirs', async ({
    page,
  }) => {
    await openSignedIn(page, people.editorBzk, '/beheer');
    await expect(page.getByRole('heading', { level: 1, name: 'Beheer' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Mijn API-tokens' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Webhooks' })).toHaveCount(0);
    await page.goto('/beheer/webhooks');
    await expect(page.getByRole('heading', { level: 1, name: 'Webhooks' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Geen toestemming' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Webhook toevoegen' })).toHaveCount(0);
    await expectAccessible(page);
  });
});
