import { useState } from 'react';
import { api } from '../../api/client';
import { useAnnounce } from '../../components/announcer';
import { Alert, Button, Heading, Paragraph } from '../../components/nlds';
import { useLanguage, useT } from '../../i18n';
import { filenameOf, saveFile } from '../../components/save-file';

type Kind = 'empty' | 'filled';

/**
 * The import workbook, empty or filled with the programme's data, in the app's language. The
 * page fetches it with the bearer token in a header and saves the bytes (components/save-file):
 * a plain link would need the token in the URL.
 */
export function TemplateDownloads({ programmeId }: { programmeId: string }) {
  const i = useT().imports;
  const language = useLanguage();
  const announce = useAnnounce();
  const [busy, setBusy] = useState<Kind | null>(null);
  const [failed, setFailed] = useState(false);

  async function download(kind: Kind) {
    if (busy) return;
    setBusy(kind);
    setFailed(false);
    const answer = await api
      .GET('/programmes/{id}/import-template.xlsx', {
        params: { path: { id: programmeId }, query: { lang: language, filled: kind === 'filled' } },
        parseAs: 'blob',
      })
      .catch(() => undefined);
    setBusy(null);
    if (!answer?.data) {
      setFailed(true);
      return;
    }
    const filename =
      filenameOf(answer.response.headers.get('Content-Disposition')) ?? `import-${kind}.xlsx`;
    saveFile(answer.data, filename);
    announce(i.downloaded(filename));
  }

  const button = (kind: Kind, label: string) => (
    <Button
      type="button"
      appearance="secondary-action-button"
      busy={busy === kind}
      aria-disabled={busy !== null}
      onClick={() => void download(kind)}
    >
      {busy === kind ? i.downloadBusy : label}
    </Button>
  );
  return (
    <section aria-labelledby="import-downloaden">
      <Heading level={2} id="import-downloaden">
        {i.downloadTitle}
      </Heading>
      <Paragraph>{i.downloadIntro}</Paragraph>
      {failed && (
        <div role="alert">
          <Alert type="error">
            <Paragraph>{i.downloadFailed}</Paragraph>
          </Alert>
        </div>
      )}
      <div className="sbt-row">
        {button('empty', i.downloadEmpty)}
        {button('filled', i.downloadFilled)}
      </div>
    </section>
  );
}
