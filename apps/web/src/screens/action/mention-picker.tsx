import { useState } from 'react';
import { CheckboxField, CheckboxGroupField, Paragraph, TextField } from '../../components/nlds';
import { useT } from '../../i18n';
import type { Member } from './use-members';

/** Matches shown at once in the mention picker; the person narrows the search for more. */
const MAX_SHOWN = 25;

export const MENTIONS_ID = 'reactie-noemen';

/**
 * @-mentions as a fieldset of checkboxes with a search box above it: accessible without a
 * combobox widget, and quick with many members (the search narrows the list; chosen members
 * stay listed so they can be unchosen).
 */
export function MentionPicker(props: {
  members: Member[] | null;
  failed: boolean;
  chosen: string[];
  onChange: (chosen: string[]) => void;
  nameOf: (userId: string) => string;
  errorMessage?: string;
}) {
  const t = useT();
  const [filter, setFilter] = useState('');
  const { members, chosen } = props;
  if (props.failed) return <Paragraph>{t.respond.mentionsUnavailable}</Paragraph>;
  if (members === null) return <Paragraph>{t.app.loading}</Paragraph>;

  const words = filter.toLocaleLowerCase('nl').split(/\s+/).filter(Boolean);
  const matches = members.filter((member) => {
    if (chosen.includes(member.userId)) return false;
    const text =
      `${member.displayName} ${member.organisation.code} ${member.organisation.name}`.toLocaleLowerCase(
        'nl',
      );
    return words.every((word) => text.includes(word));
  });
  const shown = [
    ...members.filter((member) => chosen.includes(member.userId)),
    ...matches.slice(0, MAX_SHOWN),
  ];
  const toggle = (userId: string, on: boolean) =>
    props.onChange(on ? [...chosen, userId] : chosen.filter((id) => id !== userId));

  return (
    <CheckboxGroupField
      id={MENTIONS_ID}
      legend={t.respond.mentions}
      description={t.respond.mentionsDescription}
      errorMessage={props.errorMessage}
    >
      <TextField
        id={`${MENTIONS_ID}-zoek`}
        name="mention-filter"
        type="search"
        label={t.respond.mentionsFilter}
        autoComplete="off"
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
        // Enter in the search box narrows the list; it does not post the comment.
        onKeyDown={(event) => {
          if (event.key === 'Enter') event.preventDefault();
        }}
      />
      <Paragraph>
        {chosen.length > 0
          ? t.respond.mentionsChosen(chosen.map(props.nameOf).join(', '))
          : t.respond.mentionsNoneChosen}
      </Paragraph>
      {shown.map((member) => (
        <CheckboxField
          key={member.userId}
          id={`noem-${member.userId}`}
          name="mentionedUserIds"
          label={t.respond.member(member.displayName, member.organisation.code)}
          checked={chosen.includes(member.userId)}
          onChange={(on) => toggle(member.userId, on)}
        />
      ))}
      {matches.length === 0 && words.length > 0 && (
        <Paragraph>{t.respond.mentionsNoMatch}</Paragraph>
      )}
      {matches.length > MAX_SHOWN && (
        <Paragraph>{t.respond.mentionsMore(matches.length - MAX_SHOWN)}</Paragraph>
      )}
    </CheckboxGroupField>
  );
}
