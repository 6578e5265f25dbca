import { useEffect, useState } from 'react';
import { api, type Schemas } from '../../api/client';
import type { FieldError } from '../../components/error-summary';
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
import { useT } from '../../i18n';
import { focusSoon } from './admin-parts';
import { ConfirmRemoval } from './confirm-removal';

type User = Schemas['UserResponse'];
type Identity = Schemas['UserIdentityResponse'];
type Links = { status: 'loading' | 'failed' } | { status: 'loaded'; items: Identity[] };

const HEADING_ID = 'gebruiker-koppelingen-kop';
const removeButtonId = (identity: Identity) => `koppeling-verwijder-${identity.id}`;

function useUserLinks(userId: string, version: number): Links {
  const [links, setLinks] = useState<Links>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    void api
      .GET('/users/{id}/identities', { params: { path: { id: userId } } })
      .then(({ data }) => {
        if (current)
          setLinks(data ? { status: 'loaded', items: data.items } : { status: 'failed' });
      })
      .catch(() => {
        if (current) setLinks({ status: 'failed' });
      });
    return () => {
      current = false;
    };
  }, [userId, version]);
  return links;
}

/**
 * A user's links to accounts at organisations' providers (issue 20), in the step that edits
 * the user: a platform administrator removes one when the account at the provider changed,
 * so that the next sign-in through it links afresh. The removal is confirmed in a step of its
 * own, whose heading takes the focus; afterwards the focus goes back to this list.
 */
export function UserLinks(props: { user: User; onErrors: (errors: FieldError[]) => void }) {
  const { user, onErrors } = props;
  const t = useT();
  const m = t.userLinks;
  const [version, setVersion] = useState(0);
  const links = useUserLinks(user.id, version);
  const [removing, setRemoving] = useState<Identity | null>(null);
  const afterRemoval = () => {
    setRemoving(null);
    setVersion((value) => value + 1);
    focusSoon(HEADING_ID);
  };

  return (
    <section aria-labelledby={HEADING_ID}>
      <Heading level={3} id={HEADING_ID} tabIndex={-1}>
        {m.title}
      </Heading>
      <Paragraph>{m.intro}</Paragraph>
      {links.status === 'failed' && (
        <Alert type="error">
          <Paragraph>{m.loadFailed}</Paragraph>
        </Alert>
      )}
      {links.status === 'loading' && <Paragraph>{t.app.loading}</Paragraph>}
      {links.status === 'loaded' && links.items.length === 0 && (
        <Paragraph>{m.none(user.displayName)}</Paragraph>
      )}
      {removing ? (
        // A link already gone (removed meanwhile) is said, and the list read again.
        <ConfirmRemoval
          id="koppeling-verwijderen"
          level={4}
          title={m.removeTitle(removing.issuer)}
          warning={
            user.isPlatformAdmin
              ? m.removeWarningPlatformAdmin(user.displayName)
              : m.removeWarning(user.displayName)
          }
          label={m.confirmRemove}
          request={() =>
            api.DELETE('/users/{id}/identities/{identityId}', {
              params: { path: { id: user.id, identityId: removing.id } },
            })
          }
          announcement={(status) =>
            status === 204 ? m.removed(user.displayName, removing.issuer) : m.gone
          }
          onErrors={onErrors}
          onCancel={() => {
            setRemoving(null);
            focusSoon(removeButtonId(removing));
          }}
          onDone={afterRemoval}
        />
      ) : (
        links.status === 'loaded' &&
        links.items.length > 0 && (
          <Table>
            <TableCaption>{m.caption(user.displayName)}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{m.issuer}</TableHeaderCell>
                <TableHeaderCell scope="col">{m.subject}</TableHeaderCell>
                <TableHeaderCell scope="col">{m.linkedSince}</TableHeaderCell>
                <TableHeaderCell scope="col">{m.lastUsed}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.admin.actions}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {links.items.map((identity) => (
                <TableRow key={identity.id}>
                  <TableHeaderCell scope="row" className="sbt-value">
                    {identity.issuer}
                  </TableHeaderCell>
                  <TableCell className="sbt-value">{identity.subject}</TableCell>
                  <TableCell>{t.format.dateTime(identity.createdAt)}</TableCell>
                  <TableCell>{t.format.dateTime(identity.lastSignInAt)}</TableCell>
                  <TableCell>
                    <Button
                      id={removeButtonId(identity)}
                      appearance="secondary-action-button"
                      aria-label={m.remove(identity.issuer)}
                      onClick={() => {
                        onErrors([]);
                        setRemoving(identity);
                      }}
                    >
                      {t.admin.remove}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )
      )}
    </section>
  );
}
