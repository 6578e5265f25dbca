/**
 * The OpenAPI pieces of optimistic concurrency (DESIGN §4), shared by the
 * controllers of versioned resources: the ETag answered, the If-Match required, and the 428 and 412 answers.
 */
export function versionDocs(resource: string) {
  return {
    etag: {
      ETag: {
        description: `The version of the ${resource} as a strong entity tag, e.g. "3".`,
        schema: { type: 'string', example: '"3"' },
      },
    },
    ifMatch: {
      name: 'If-Match',
      required: true,
      description:
        `The ETag of the ${resource} as you read it, e.g. "3". Without it: 428. A stale tag, ` +
        '`*`, a weak tag or a list: 412.',
    },
    stale: `VERSION_CONFLICT: the ${resource} changed since you read it, or If-Match is no ETag of ours.`,
    preconditionRequired: {
      status: 428,
      description: 'PRECONDITION_REQUIRED: send If-Match with the ETag you read.',
    },
  };
}
