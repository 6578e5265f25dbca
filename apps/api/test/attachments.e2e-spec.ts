import type { NestExpressApplication } from '@nestjs/platform-express';
import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@app/core';
import { startApi, testConfig } from '../../../test/support/e2e';
import type { Actor } from '../../../test/support/identity-fixtures';
import { type TrackingCast, TrackingFixtures } from '../../../test/support/tracking-fixtures';

const MAX_BYTES = 64 * 1024;
/** A small, real PDF. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(32, 1),
]);
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('evidence attachments', () => {
  let app: NestExpressApplication;
  let config: AppConfig;
  let db: DataSource;
  let fixtures: TrackingFixtures;
  let cast: TrackingCast;
  let other: TrackingCast;
  let actionId: string;

  beforeAll(async () => {
    config = testConfig({ ATTACHMENT_MAX_BYTES: String(MAX_BYTES) });
    app = await startApi({ config });
    db = app.get(DataSource);
    fixtures = new TrackingFixtures(app);
    [cast, other] = [await fixtures.cast(), await fixtures.cast()];
  });
  afterAll(() => app.close());
  beforeEach(async () => {
    actionId = (await fixtures.action(cast.editor, TrackingFixtures.actionBody(cast, 'Bewijs')))
      .body.id as string;
  });

  const http = () => request(app.getHttpServer());
  const upload = (actor: Actor, path: string, file: Buffer, name: string, description?: string) => {
    const req = http()
      .post(path)
      .set('Authorization', `Bearer ${actor.token}`)
      .attach('file', file, name);
    return description === undefined ? req : req.field('description', description);
  };
  const get = (actor: Actor, path: string) =>
    http().get(path).set('Authorization', `Bearer ${actor.token}`);
  const auditOf = (entityId: string, operation: string) =>
    db.query<{ details: Record<string, any> }[]>(
      `SELECT details FROM audit_events WHERE entity_id = $1 AND operation = $2 ORDER BY sequence`,
      [entityId, operation],
    );

  it('stores a file with its hash on record, and hands it back as a download', async () => {
    const res = await upload(
      cast.editor,
      `/v1/actions/${actionId}/attachments`,
      PDF,
      'Besluitenlijst Overhedenoverleg 12-11-2026.pdf',
      'Besluitenlijst van het Overhedenoverleg',
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      actionId,
      commitmentId: null,
      programmeId: cast.programmeId,
      filename: 'Besluitenlijst Overhedenoverleg 12-11-2026.pdf',
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
      sha256: sha256(PDF),
      description: 'Besluitenlijst van het Overhedenoverleg',
      deletedAt: null,
      uploadedByUserId: cast.editor.userId,
    });
    const id = res.body.id as string;
    // On disk as sent, under the programme.
    const storage = config.attachments.storage;
    if (storage.kind !== 'local') throw new Error('the tests use the local storage');
    expect(await readFile(join(storage.dir, cast.programmeId, id))).toEqual(PDF);
    // On record: the audit event of the action holds the hash, and the history shows it.
    const [event] = await auditOf(actionId, 'attachment_added');
    expect(event.details.attachment).toEqual({
      id,
      filename: res.body.filename,
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
      sha256: sha256(PDF),
    });
    const history = await get(cast.viewer, `/v1/actions/${actionId}/history`);
    expect(history.body.data.map((entry: { kind: string }) => entry.kind)).toContain(
      'attachment_added',
    );

    const listed = await get(cast.viewer, `/v1/actions/${actionId}/attachments`);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([id]);
    const download = await get(cast.liaison, `/v1/attachments/${id}/content`).buffer(true);
    expect(download.status).toBe(200);
    expect(download.body).toEqual(PDF);
    expect(download.headers).toMatchObject({
      'content-type': 'application/pdf',
      'x-content-type-options': 'nosniff',
      etag: `"${sha256(PDF)}"`,
    });
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="Besluitenlijst Overhedenoverleg 12-11-2026.pdf"`,
    );
  });

  it('reads the kind from the bytes, not the name, and refuses what is not evidence', async () => {
    const path = `/v1/actions/${actionId}/attachments`;
    const refused = async (file: Buffer, name: string, status: number, code: string) => {
      const res = await upload(cast.editor, path, file, name);
      expect({ name, status: res.status, code: res.body.code }).toEqual({ name, status, code });
    };
    await refused(
      Buffer.from('MZ\x90\x00 this program cannot be run in DOS mode'),
      'besluit.pdf',
      415,
      'ATTACHMENT_TYPE_NOT_ALLOWED',
    );
    await refused(
      Buffer.from('<html><script>alert(1)</script></html>'),
      'brief.pdf',
      415,
      'ATTACHMENT_TYPE_NOT_ALLOWED',
    );
    await refused(
      Buffer.from('PK\x03\x04 not an office file at all'),
      'notulen.docx',
      415,
      'ATTACHMENT_TYPE_NOT_ALLOWED',
    );
    await refused(Buffer.alloc(0), 'leeg.pdf', 400, 'ATTACHMENT_FILE_EMPTY');
    await refused(
      Buffer.concat([PDF, Buffer.alloc(MAX_BYTES)]),
      'groot.pdf',
      413,
      'PAYLOAD_TOO_LARGE',
    );

    // A real PDF with a misleading name is a PDF, offered under a name that says so.
    const renamed = await upload(cast.editor, path, PDF, 'besluit.exe');
    expect(renamed.status).toBe(201);
    expect(renamed.body).toMatchObject({
      contentType: 'application/pdf',
      filename: 'besluit.exe.pdf',
    });
    const image = await upload(cast.editor, path, PNG, 'foto.jpg');
    expect(image.body).toMatchObject({ contentType: 'image/png', filename: 'foto.jpg.png' });
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Voortgang').addRow(['Actie', 'Status']);
    const xlsx = Buffer.from(await book.xlsx.writeBuffer());
    const sheet = await upload(cast.editor, path, xlsx, '../../etc/voortgang.xlsx');
    expect(sheet.body).toMatchObject({
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      filename: 'voortgang.xlsx',
    });

    const missing = await http()
      .post(path)
      .set('Authorization', `Bearer ${cast.editor.token}`)
      .field('description', 'x');
    expect(missing.body.code).toBe('ATTACHMENT_FILE_MISSING');
    const json = await http()
      .post(path)
      .set('Authorization', `Bearer ${cast.editor.token}`)
      .send({ description: 'Alleen tekst' });
    expect(json.status).toBe(415);
    expect(json.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('keeps each programme’s evidence to its members, and changes to who may change it', async () => {
    const path = `/v1/actions/${actionId}/attachments`;
    const made = await upload(cast.editor, path, PDF, 'brief.pdf');
    const id = made.body.id as string;
    expect((await upload(cast.viewer, path, PDF, 'x.pdf')).status).toBe(403);
    expect((await upload(cast.liaison, path, PDF, 'x.pdf')).status).toBe(403);
    expect((await upload(cast.otherEditor, path, PDF, 'x.pdf')).status).toBe(403);
    expect((await upload(cast.coordinator, path, PNG, 'x.png')).status).toBe(201);
    // Someone in no programme is refused at the door; another programme's coordinator finds nothing.
    expect((await get(cast.outsider, `/v1/attachments/${id}/content`)).status).toBe(403);
    for (const outsider of [other.coordinator]) {
      expect((await upload(outsider, path, PDF, 'x.pdf')).status).toBe(404);
      expect((await get(outsider, path)).status).toBe(404);
      expect((await get(outsider, `/v1/attachments/${id}`)).status).toBe(404);
      expect((await get(outsider, `/v1/attachments/${id}/content`)).status).toBe(404);
      expect(
        (
          await http()
            .delete(`/v1/attachments/${id}`)
            .set('Authorization', `Bearer ${outsider.token}`)
        ).status,
      ).toBe(404);
    }
    expect(
      (
        await http()
          .delete(`/v1/attachments/${id}`)
          .set('Authorization', `Bearer ${cast.viewer.token}`)
      ).status,
    ).toBe(403);
    expect((await get(cast.viewer, `/v1/attachments/${id}/content`)).status).toBe(200);
  });

  it('deletes softly: gone from lists and downloads, in the history with its hash', async () => {
    const made = await upload(
      cast.editor,
      `/v1/actions/${actionId}/attachments`,
      PDF,
      'verslag.pdf',
    );
    const id = made.body.id as string;
    const deleted = await http()
      .delete(`/v1/attachments/${id}`)
      .set('Authorization', `Bearer ${cast.editor.token}`);
    expect(deleted.status).toBe(204);
    expect((await get(cast.viewer, `/v1/actions/${actionId}/attachments`)).body.items).toEqual([]);
    const all = await get(cast.viewer, `/v1/actions/${actionId}/attachments?includeDeleted=true`);
    expect(all.body.items).toEqual([
      expect.objectContaining({ id, deletedAt: expect.any(String) }),
    ]);
    const download = await get(cast.viewer, `/v1/attachments/${id}/content`);
    expect(download.status).toBe(404);
    expect(download.body.code).toBe('ATTACHMENT_DELETED');
    const [event] = await auditOf(actionId, 'attachment_removed');
    expect(event.details.attachment).toMatchObject({ id, sha256: sha256(PDF) });
    // Again: nothing more happens, and nothing more is recorded.
    await http()
      .delete(`/v1/attachments/${id}`)
      .set('Authorization', `Bearer ${cast.editor.token}`)
      .expect(204);
    expect(await auditOf(actionId, 'attachment_removed')).toHaveLength(1);
  });

  it('attaches to commitments too', async () => {
    const commitment = await http()
      .post('/v1/commitments')
      .set('Authorization', `Bearer ${cast.coordinator.token}`)
      .send({
        programmeId: cast.programmeId,
        kind: 'agenda_item',
        title: 'Afspraken over de regio',
      });
    expect(commitment.status).toBe(201);
    const path = `/v1/commitments/${commitment.body.id}/attachments`;
    expect((await upload(cast.viewer, path, PDF, 'brief.pdf')).status).toBe(403);
    const made = await upload(cast.editor, path, PDF, 'Ondertekende brief.pdf');
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ commitmentId: commitment.body.id, actionId: null });
    expect((await get(cast.viewer, path)).body.items).toHaveLength(1);
    const [event] = await auditOf(commitment.body.id as string, 'attachment_added');
    expect(event.details.attachment.sha256).toBe(sha256(PDF));
  });

  it('lets the verification of a closed action cite its attachments', async () => {
    const evidence = await upload(
      cast.editor,
      `/v1/actions/${actionId}/attachments`,
      PDF,
      'eindverslag.pdf',
    );
    const elsewhere = (
      await fixtures.action(cast.editor, TrackingFixtures.actionBody(cast, 'Elders'))
    ).body.id;
    const foreign = await upload(
      cast.editor,
      `/v1/actions/${elsewhere}/attachments`,
      PDF,
      'ander.pdf',
    );
    const progress = (version: number, body: object) =>
      http()
        .post(`/v1/actions/${actionId}/progress-updates`)
        .set('Authorization', `Bearer ${cast.editor.token}`)
        .set('If-Match', `"${version}"`)
        .send(body);
    expect((await progress(1, { status: 'in_progress', narrative: 'Bezig.' })).status).toBe(201);
    const closed = await progress(2, {
      status: 'met',
      narrative: 'Afgerond; zie het eindverslag.',
    });
    expect(closed.status).toBe(201);
    const verify = (ids: string[]) =>
      http()
        .post(`/v1/actions/${actionId}/verification`)
        .set('Authorization', `Bearer ${cast.coordinator.token}`)
        .set('If-Match', '"3"')
        .send({ evidence: ids });
    const refused = await verify([evidence.body.id, foreign.body.id]);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'ATTACHMENT_NOT_CITABLE' });
    const verified = await verify([evidence.body.id]);
    expect(verified.status).toBe(200);
    expect(verified.body.verification).toBe('verified');
    const [event] = await db.query<{ details: Record<string, unknown> }[]>(
      `SELECT details FROM audit_events WHERE entity_id = $1 AND changes->'verification'->>'new' = 'verified'`,
      [actionId],
    );
    expect(event.details.evidence).toEqual([
      { attachmentId: evidence.body.id, filename: 'eindverslag.pdf', sha256: sha256(PDF) },
    ]);
  });
});
