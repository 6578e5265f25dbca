import { type FormEvent, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Button, TextField } from './nlds';
import { useT } from '../i18n';

/** One search box in the header over actions and commitments: it opens `/zoeken?q=…`. */
export function HeaderSearch() {
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const current =
    location.pathname === '/zoeken' ? new URLSearchParams(location.search).get('q') : null;
  const [query, setQuery] = useState(current ?? '');
  const [seen, setSeen] = useState(current);
  if (seen !== current) {
    setSeen(current);
    setQuery(current ?? '');
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const q = query.trim();
    if (!q) return;
    void navigate(`/zoeken?q=${encodeURIComponent(q)}`);
  };
  return (
    <form
      role="search"
      className="sbt-header-search"
      aria-label={t.headerSearch.landmark}
      onSubmit={submit}
    >
      <TextField
        id="header-search"
        name="q"
        type="search"
        label={t.headerSearch.label}
        value={query}
        maxLength={200}
        onChange={(event) => setQuery(event.target.value)}
      />
      <Button type="submit" appearance="secondary-action-button">
        {t.headerSearch.submit}
      </Button>
    </form>
  );
}
