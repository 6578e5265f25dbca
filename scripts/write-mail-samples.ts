// Writes the e-mails the worker would send for the sample notifications (libs/notifications'
// mail-samples) as JSON, so that the browser tests look at them as a reader would without
// importing server code (the web app and its tests are clients of the public API only).
//
//   node dist/scripts/write-mail-samples.js <out.json> <web app base URL>
import '../libs/core/src/runtime/register-aliases';
import { writeFileSync } from 'node:fs';
import {
  composeDigest,
  composeMessage,
  type MailContent,
  type MailPages,
} from '../libs/notifications/src/rendering/mail-message';
import {
  SAMPLE_ACTION_ID,
  sampleMailItem,
  sampleMailItems,
} from '../libs/notifications/src/rendering/mail-samples';

/** What the browser tests read (`apps/web/test/support/mail-samples.ts` mirrors this type). */
export interface MailSamples {
  actionId: string;
  actionTitle: string;
  preferences: string;
  kinds: number;
  reminder: MailContent;
  updateRequest: MailContent;
  digest: { nl: MailContent; en: MailContent };
}

async function main(): Promise<void> {
  const [out, base] = process.argv.slice(2);
  if (!out || !base) throw new Error('usage: write-mail-samples <out.json> <base URL>');
  const pages: MailPages = {
    action: (id) => `${base}/acties/${id}`,
    progressUpdate: (id) => `${base}/acties/${id}/voortgang`,
    reports: () => `${base}/rapportages`,
    webhooks: () => `${base}/beheer/webhooks`,
  };
  const preferences = `${base}/meldingen/voorkeuren`;
  const reminder = sampleMailItem('deadline_upcoming', pages);
  const items = sampleMailItems(pages);
  const samples: MailSamples = {
    actionId: SAMPLE_ACTION_ID,
    actionTitle: String(reminder.payload.actionTitle),
    preferences,
    kinds: items.length,
    reminder: await composeMessage(reminder, 'nl', preferences),
    updateRequest: await composeMessage(sampleMailItem('update_request', pages), 'nl', preferences),
    digest: {
      nl: await composeDigest(items, '2026-12-14', 'nl', preferences),
      en: await composeDigest(items, '2026-12-14', 'en', preferences),
    },
  };
  writeFileSync(out, JSON.stringify(samples));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
