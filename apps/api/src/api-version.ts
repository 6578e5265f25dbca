/** The API's semantic version (API Design Rules: `API-Version` header, `info.version`). */
export const API_VERSION = '1.0.0';
export const API_BASE_PATH = '/v1';
