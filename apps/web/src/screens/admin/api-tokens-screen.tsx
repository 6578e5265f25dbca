import { useState } from 'react';
import { api } from '../../api/client';
import { ErrorSummary, type FieldError } from '../../components/error-summary';
import {
  Alert,
  Button,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '../../components/nlds';
import { usePageTitle } from '../../components/page-title';
import { useProgrammes } from '../../components/use-programmes';
import { useT } from '../../i18n';
import { usePagedList } from '../action/use-paged-list';
import { focusSoon, when, LoadMore } from './admin-parts';
import { CreateToken } from './api-token-form';
import { Revoke, Secret } from './api-token-steps';
import { type Created, stateOf, type Token } from './api-token-values';

const LIST_HEADING_ID = 'tokens-kop';

/**
 * Mijn API-tokens (everyone): the person's own tokens for integrations. A new token's secret
 * is shown once, here, from the answer of the API: it lives in this screen's state only (never
 * in web storage, DESIGN §7) and is gone when the person leaves the page or says they stored it.
 */
export default function ApiTokensScreen() {
  const t = useT();
  usePageTitle(t.admin.apiTokens);
  const programmes = useProgrammes();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [version, setVersion] = useState(0);
  const [created, setCreated] = useState<Created | null>(null);
  const [revoking, setRevoking] = useState<Token | null>(null);
  const list = usePagedList<Token>(String(version), async (cursor) => {
    const { data } = await api.GET('/me/api-tokens', { params: { query: { limit: 50, cursor } } });
    return data;
  });
  const reload = () => setVersion((value) => value + 1);
  const programmeName = (id: string) =>
    programmes.find((programme) => programme.id === id)?.name ?? '…';
  const now = Date.now();

  return (
    <>
      <Heading level={1}>{t.admin.apiTokens}</Heading>
      <ErrorSummary errors={errors} />
      <Paragraph>{t.admin.apiTokensIntro}</Paragraph>
      <div className="sbt-stack">
        {created && (
          <Secret
            token={created}
            onDone={() => {
              setCreated(null);
              focusSoon(LIST_HEADING_ID);
            }}
          />
        )}
        {revoking && (
          <Revoke
            key={revoking.id}
            token={revoking}
            onErrors={setErrors}
            onCancel={() => {
              setRevoking(null);
              focusSoon(`intrekken-${revoking.id}`);
            }}
            onDone={() => {
              setRevoking(null);
              reload();
              focusSoon(LIST_HEADING_ID);
            }}
          />
        )}

        <section aria-labelledby={LIST_HEADING_ID}>
          <Heading level={2} id={LIST_HEADING_ID} tabIndex={-1}>
            {t.admin.tokensCaption}
          </Heading>
          {list.status === 'failed' && (
            <Alert type="error">
              <Paragraph>{t.admin.loadFailed}</Paragraph>
            </Alert>
          )}
          {list.status === 'loading' && <Paragraph>{t.app.loading}</Paragraph>}
          {list.status === 'loaded' && list.items.length === 0 && (
            <Paragraph>{t.admin.noTokens}</Paragraph>
          )}
          {list.items.length > 0 && (
            <Table>
              <TableCaption>{t.admin.tokensCaption}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t.admin.tokenName}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.admin.tokenProgramme}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.admin.tokenScope}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.admin.tokenCreated}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.admin.tokenLastUsed}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.admin.tokenExpires}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.admin.tokenStatus}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.admin.actions}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {list.items.map((token) => {
                  const state = stateOf(token, now);
                  return (
                    <TableRow key={token.id}>
                      <TableHeaderCell scope="row">
                        {token.name}
                        <br />
                        <small>{t.admin.tokenStarts(token.tokenPrefix)}</small>
                      </TableHeaderCell>
                      <TableCell>{programmeName(token.programmeId)}</TableCell>
                      <TableCell>{t.admin.scope[token.scope]}</TableCell>
                      <TableCell>{t.format.dateTime(token.createdAt)}</TableCell>
                      <TableCell>{when(token.lastUsedAt, t.admin.notUsed, t)}</TableCell>
                      <TableCell>{when(token.expiresAt, t.admin.never, t)}</TableCell>
                      <TableCell>{t.admin.tokenState[state]}</TableCell>
                      <TableCell>
                        {state === 'active' && (
                          <Button
                            id={`intrekken-${token.id}`}
                            appearance="secondary-action-button"
                            aria-label={t.admin.revokeToken(token.name)}
                            onClick={() => {
                              setErrors([]);
                              setRevoking(token);
                            }}
                          >
                            {t.admin.revoke}
                          </Button>
                        )}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          )}
          <LoadMore list={list} />
        </section>

        <CreateToken
          programmes={programmes}
          errors={errors}
          onErrors={setErrors}
          onCreated={(token) => {
            setCreated(token);
            reload();
          }}
        />
      </div>
    </>
  );
}
