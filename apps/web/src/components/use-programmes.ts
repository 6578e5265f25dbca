import { useEffect, useState } from 'react';
import { api, type Schemas } from '../api/client';
import { useSession } from '../session/session';

export type Programme = Schemas['ProgrammeResponse'];

/** The programmes the person is a member of (for the switcher and the screens' filters). */
export function useProgrammes(): Programme[] {
  const { state } = useSession();
  const [programmes, setProgrammes] = useState<Programme[]>([]);
  const userId = state.status === 'signedIn' ? state.me.id : null;
  useEffect(() => {
    if (!userId) return;
    let current = true;
    void api.GET('/programmes', { params: { query: { limit: 200 } } }).then(({ data }) => {
      if (current && data) setProgrammes(data.data);
    });
    return () => {
      current = false;
    };
  }, [userId]);
  return programmes;
}
