import { type FormEvent, useEffect, useState } from 'react';
import { api, type Schemas } from '../../api/client';
import { useAnnounce } from '../../components/announcer';
import {
  Alert,
  Button,
  Heading,
  Link,
  Paragraph,
  SelectField,
  UnorderedList,
  UnorderedListItem,
} from '../../components/nlds';
import { useProgrammeRole } from '../../components/use-role';
import { useT } from '../../i18n';

type Licence = Schemas['ProgrammeResponse']['openDataLicence'];
const LICENCES: readonly Licence[] = ['cc0-1.0', 'cc-by-4.0', 'pdm-1.0'];

/**
 * The programme's open data: the links to the data and to its description for harvesters
 * (DCAT-AP-NL), and the licence it is published under. Coordinators (and platform
 * administrators) choose the licence here; everyone else reads it.
 */
export function OpenDataSection({ programmeId }: { programmeId: string }) {
  const t = useT();
  const r = t.reports;
  const announce = useAnnounce();
  const { role, isPlatformAdmin } = useProgrammeRole();
  const mayChoose = role === 'coordinator' || isPlatformAdmin;
  const [licence, setLicence] = useState<Licence | null>(null);
  const [choice, setChoice] = useState<Licence>('cc0-1.0');
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const openData = `/v1/programmes/${programmeId}/open-data`;

  useEffect(() => {
    let current = true;
    void api
      .GET('/programmes/{id}', { params: { path: { id: programmeId } } })
      .catch(() => ({ data: undefined }))
      .then(({ data }) => {
        if (!current || !data) return;
        setLicence(data.openDataLicence);
        setChoice(data.openDataLicence);
      });
    return () => {
      current = false;
    };
  }, [programmeId]);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    setFailure(null);
    const result = await api
      .PATCH('/programmes/{id}', {
        params: { path: { id: programmeId } },
        body: { openDataLicence: choice },
      })
      .catch(() => null);
    setSaving(false);
    if (result?.data) {
      setLicence(result.data.openDataLicence);
      announce(r.licenceSaved(r.licences[result.data.openDataLicence]));
      return;
    }
    setFailure(r.licenceFailed);
  }

  return (
    <section aria-labelledby="rapport-open-data-kop">
      <Heading level={2} id="rapport-open-data-kop">
        {r.openDataTitle}
      </Heading>
      <Paragraph>{r.openDataIntro}</Paragraph>
      <UnorderedList>
        <UnorderedListItem>
          <Link href={openData}>{r.openDataJson}</Link>
        </UnorderedListItem>
        <UnorderedListItem>
          <Link href={`${openData}?format=csv`}>{r.openDataCsv}</Link>
        </UnorderedListItem>
        <UnorderedListItem>
          <Link href={`${openData}/dataset`}>{r.openDataDataset}</Link>
        </UnorderedListItem>
      </UnorderedList>
      {licence && <Paragraph>{r.licenceNow(r.licences[licence])}</Paragraph>}
      {mayChoose && licence && (
        <form onSubmit={(event) => void save(event)} noValidate className="sbt-stack">
          {failure && (
            <div role="alert">
              <Alert type="error">{failure}</Alert>
            </div>
          )}
          <SelectField
            id="open-data-licentie"
            label={r.licenceLabel}
            description={r.licenceHelp}
            value={choice}
            onChange={(event) => setChoice(event.target.value as Licence)}
          >
            {LICENCES.map((code) => (
              <option key={code} value={code}>
                {r.licences[code]}
              </option>
            ))}
          </SelectField>
          <Button type="submit" appearance="secondary-action-button" disabled={saving}>
            {r.licenceSave}
          </Button>
        </form>
      )}
    </section>
  );
}
