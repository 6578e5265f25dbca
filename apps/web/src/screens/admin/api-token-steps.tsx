import { api } from '../../api/client';
import { useCopyField } from '../../components/copy-field';
import type { FieldError } from '../../components/error-summary';
import { Alert, Button, Paragraph, TextField } from '../../components/nlds';
import { useT } from '../../i18n';
import { Panel } from './admin-parts';
import type { Created, Token } from './api-token-values';
import { ConfirmRemoval } from './confirm-removal';

/*
 * The steps of their own on the Mijn API-tokens screen: the new token's secret and
 * confirming a revocation, each in a panel whose heading takes the focus.
 */

/** The new token's secret, once, with a copy button and the warning that it is not kept. */
export function Secret({ token, onDone }: { token: Created; onDone: () => void }) {
  const t = useT();
  const copy = useCopyField({
    id: 'token-geheim',
    value: token.token,
    copied: t.admin.copied,
    copyFailed: t.admin.copyFailed,
  });
  return (
    <Panel id="token-geheim" title={t.admin.secretTitle}>
      <Alert type="warning">
        <Paragraph>{t.admin.secretWarning}</Paragraph>
      </Alert>
      <div className="sbt-form">
        <TextField {...copy.field} label={t.admin.secretLabel(token.name)} />
        {copy.outcome && <Paragraph>{copy.outcome}</Paragraph>}
        <div className="sbt-row">
          <Button appearance="primary-action-button" onClick={copy.copy}>
            {t.admin.copySecret}
          </Button>
          <Button appearance="secondary-action-button" onClick={onDone}>
            {t.admin.secretDone}
          </Button>
        </div>
      </div>
    </Panel>
  );
}

export function Revoke(props: {
  token: Token;
  onErrors: (errors: FieldError[]) => void;
  onCancel: () => void;
  onDone: () => void;
}) {
  const { token } = props;
  const t = useT();
  return (
    <ConfirmRemoval
      id="token-intrekken"
      title={t.admin.revokeTitle(token.name)}
      warning={t.admin.revokeWarning}
      label={t.admin.confirmRevoke}
      request={() => api.DELETE('/me/api-tokens/{id}', { params: { path: { id: token.id } } })}
      announcement={() => t.admin.tokenRevoked(token.name)}
      onErrors={props.onErrors}
      onCancel={props.onCancel}
      onDone={props.onDone}
    />
  );
}
