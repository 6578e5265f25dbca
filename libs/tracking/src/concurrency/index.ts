// The version tags live in core (identity uses them too); tracking's code imports them here.
export { ConcurrencyErrors, formatEtag, parseIfMatch } from '@app/core';
