import { useState } from 'react';
import { api } from '../../api/client';
import { useAnnounce } from '../../components/announcer';
import { Button } from '../../components/nlds';
import { useT } from '../../i18n';
import type { AuditQuery } from './audit-screen';

/**
 * The events of these filters as CSV (GET /audit-events/export). The token is sent in the
 * header, never in a URL (DESIGN §4), so the file is fetched and then offered to save.
 */
export function ExportButton({ query }: { query: AuditQuery }) {
  const t = useT();
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);

  async function download() {
    if (busy) return;
    setBusy(true);
    const { data } = await api
      .GET('/audit-events/export', { params: { query }, parseAs: 'blob' })
      .catch(() => ({ data: undefined }));
    setBusy(false);
    if (!(data instanceof Blob)) {
      announce(t.adminOps.exportFailed);
      return;
    }
    const url = URL.createObjectURL(data);
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = `auditlog-${new Date().toISOString().slice(0, 10)}.csv`;
    document.body.append(anchor);
    anchor.click();
    anchor.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
    announce(t.adminOps.exported);
  }

  return (
    <Button
      appearance="subtle-button"
      busy={busy}
      aria-disabled={busy}
      onClick={() => void download()}
    >
      {busy ? t.adminOps.exporting : t.adminOps.export}
    </Button>
  );
}
