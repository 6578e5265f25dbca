/** The API's semantic version (API Design Rules: `API-Version` header, `info.version`). */
export const API_VERSION = '1.0.0';
export { API_BASE_PATH } from '@app/core';
