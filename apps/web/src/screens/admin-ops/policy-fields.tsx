import {
  CheckboxField,
  CheckboxGroupField,
  Heading,
  Paragraph,
  SelectField,
  TextField,
} from '../../components/nlds';
import { useT } from '../../i18n';
import type { Member } from '../action/use-members';
import type { Names } from '../action/use-names';
import { fieldIds, type Level, LEVELS, type PolicyValues } from './policy-form';

interface Props {
  values: PolicyValues;
  set: <K extends keyof PolicyValues>(field: K, value: PolicyValues[K]) => void;
  errorFor: (field: string) => string | undefined;
}

export function DeadlineFields({ values, set, errorFor }: Props) {
  const t = useT();
  const o = t.adminOps;
  return (
    <>
      <Heading level={3}>{o.beforeDeadline}</Heading>
      <TextField
        id="daysBefore"
        label={o.daysBefore}
        description={o.daysBeforeHint}
        errorMessage={errorFor('daysBefore')}
        value={values.daysBefore}
        onChange={(event) => set('daysBefore', event.target.value)}
        autoComplete="off"
      />
      <CheckboxField
        label={o.onDeadlineDay}
        checked={values.onDeadlineDay}
        onChange={(checked) => set('onDeadlineDay', checked)}
      />
      <TextField
        id="overdueRepeatDays"
        label={o.overdueRepeatDays}
        description={o.overdueRepeatDaysHint}
        errorMessage={errorFor('overdueRepeatDays')}
        inputMode="numeric"
        size={3}
        value={values.overdueRepeatDays}
        onChange={(event) => set('overdueRepeatDays', event.target.value)}
      />
      <TextField
        id="staleAfterDays"
        label={o.staleAfterDays}
        description={o.staleAfterDaysHint}
        errorMessage={errorFor('staleAfterDays')}
        inputMode="numeric"
        size={3}
        value={values.staleAfterDays}
        onChange={(event) => set('staleAfterDays', event.target.value)}
      />
      <TextField
        id="updateRoundReminderDaysBefore"
        label={o.roundDays}
        description={o.roundDaysHint}
        errorMessage={errorFor('updateRoundReminderDaysBefore')}
        inputMode="numeric"
        size={3}
        value={values.updateRoundReminderDaysBefore}
        onChange={(event) => set('updateRoundReminderDaysBefore', event.target.value)}
      />
    </>
  );
}

export function EscalationFields(props: {
  values: PolicyValues;
  setRung: (level: Level, change: Partial<PolicyValues['escalation'][Level]>) => void;
  errorFor: (field: string) => string | undefined;
  members: Member[];
  names: Names;
}) {
  const { values, setRung, errorFor } = props;
  const t = useT();
  const o = t.adminOps;
  return (
    <>
      <Heading level={3}>{o.escalation}</Heading>
      <Paragraph>{o.escalationIntro}</Paragraph>
      {LEVELS.map((level) => {
        const rung = values.escalation[level];
        const name = t.escalationLevel[level];
        return (
          <div key={level} className="sbt-stack">
            <CheckboxField
              label={o.levelUsed(name)}
              checked={rung.used}
              onChange={(checked) => setRung(level, { used: checked })}
            />
            {rung.used && (
              <>
                <TextField
                  id={fieldIds.afterDays(level)}
                  label={o.afterDays(name)}
                  description={o.afterDaysHint}
                  errorMessage={errorFor(fieldIds.afterDays(level))}
                  inputMode="numeric"
                  size={3}
                  value={rung.afterDays}
                  onChange={(event) => setRung(level, { afterDays: event.target.value })}
                />
                <CheckboxGroupField
                  id={fieldIds.contacts(level)}
                  legend={o.contacts(name)}
                  description={o.contactsHint}
                  errorMessage={errorFor(fieldIds.contacts(level))}
                >
                  {[
                    ...props.members.map((member) => ({
                      userId: member.userId,
                      label: `${member.displayName} (${t.role[member.role]})`,
                    })),
                    // A contact who is no longer an active member: shown, so it can be removed.
                    ...rung.contactUserIds
                      .filter((id) => !props.members.some((member) => member.userId === id))
                      .map((userId) => ({
                        userId,
                        label: o.formerMember(props.names.person(userId) ?? userId),
                      })),
                  ].map((member) => (
                    <CheckboxField
                      key={member.userId}
                      label={member.label}
                      checked={rung.contactUserIds.includes(member.userId)}
                      onChange={(checked) =>
                        setRung(level, {
                          contactUserIds: checked
                            ? [...rung.contactUserIds, member.userId]
                            : rung.contactUserIds.filter((id) => id !== member.userId),
                        })
                      }
                    />
                  ))}
                </CheckboxGroupField>
              </>
            )}
          </div>
        );
      })}
    </>
  );
}

export function SendingFields({ values, set, errorFor }: Props) {
  const t = useT();
  const o = t.adminOps;
  return (
    <>
      <Heading level={3}>{o.whenSent}</Heading>
      <CheckboxField
        label={o.skipWeekends}
        checked={values.skipWeekends}
        onChange={(checked) => set('skipWeekends', checked)}
      />
      <CheckboxField
        label={o.skipHolidays}
        checked={values.skipHolidays}
        onChange={(checked) => set('skipHolidays', checked)}
      />
      <SelectField
        id="sendHour"
        label={o.sendHour}
        description={o.sendHourHint}
        errorMessage={errorFor('sendHour')}
        value={values.sendHour}
        onChange={(event) => set('sendHour', event.target.value)}
      >
        {Array.from({ length: 24 }, (_, hour) => (
          <option key={hour} value={String(hour)}>
            {`${String(hour).padStart(2, '0')}:00`}
          </option>
        ))}
      </SelectField>
      <CheckboxField
        label={o.digest}
        checked={values.digest}
        onChange={(checked) => set('digest', checked)}
      />
    </>
  );
}
