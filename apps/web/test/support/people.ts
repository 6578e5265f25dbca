import { DEMO_USERS } from '../../../../seeds/demo-users';

/** The demo log-ins the seeds make (README "Demo users"): the people of the stories. */
function person(email: string) {
  const user = DEMO_USERS.find((candidate) => candidate.email === email);
  if (!user) throw new Error(`no demo user ${email}`);
  return user;
}

export const people = {
  admin: person('admin@demo.sterk-bestuur.nl'),
  editorBzk: person('editor.bzk@demo.sterk-bestuur.nl'),
  coordinator: person('coordinator@demo.sterk-bestuur.nl'),
  liaisonVng: person('liaison.vng@demo.sterk-bestuur.nl'),
  liaisonIpo: person('liaison.ipo@demo.sterk-bestuur.nl'),
  liaisonUvw: person('liaison.uvw@demo.sterk-bestuur.nl'),
  viewerUvw: person('viewer.uvw@demo.sterk-bestuur.nl'),
};

export type Person = (typeof people)[keyof typeof people];
