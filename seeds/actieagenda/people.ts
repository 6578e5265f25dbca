// The demo users who own actions, write updates and comment (seeds/demo-users.ts).
const demo = (local: string) => `${local}@demo.sterk-bestuur.nl`;

export const COORDINATOR = demo('coordinator');
export const COORDINATOR_VNG = demo('coordinator.vng');
export const EDITOR_BZK = demo('editor.bzk');
export const EDITOR_FIN = demo('editor.fin');
export const EDITOR_VNG = demo('editor.vng');
export const EDITOR_IPO = demo('editor.ipo');
export const EDITOR_UVW = demo('editor.uvw');
export const LIAISON_BZK = demo('liaison.bzk');
export const LIAISON_VNG = demo('liaison.vng');
export const LIAISON_IPO = demo('liaison.ipo');
export const LIAISON_UVW = demo('liaison.uvw');
