import { Alert, Heading, Paragraph } from '../../components/nlds';
import { usePageTitle } from '../../components/page-title';
import { useT } from '../../i18n';
import { useMayImport } from './import-words';
import { RecentImports } from './recent-imports';
import { TemplateDownloads } from './template-downloads';
import { UploadForm } from './upload-form';

/**
 * Beheer › Import: the workbook to fill in (empty or with the programme's data), the upload of
 * a filled one, and the programme's recent imports. Coordinators only (`imports:manage`).
 */
export default function ImportStartScreen() {
  const t = useT();
  const i = t.imports;
  usePageTitle(i.title);
  const { programmeId, mayImport } = useMayImport();
  return (
    <>
      <Heading level={1}>{i.title}</Heading>
      {!programmeId ? (
        <Paragraph>{i.noProgramme}</Paragraph>
      ) : !mayImport ? (
        <Alert type="info">
          <Paragraph>{i.coordinatorsOnly}</Paragraph>
        </Alert>
      ) : (
        <div className="sbt-stack" key={programmeId}>
          <div>
            <Paragraph>{i.intro}</Paragraph>
            <Paragraph>{i.introSafe}</Paragraph>
          </div>
          <TemplateDownloads programmeId={programmeId} />
          <UploadForm programmeId={programmeId} />
          <RecentImports programmeId={programmeId} />
        </div>
      )}
    </>
  );
}
