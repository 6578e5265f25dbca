export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigValidationError';
  }
}

export function problemsOf(
  issues: { path: PropertyKey[]; code: string; message: string }[],
  env: Record<string, string>,
): string[] {
  return issues.map((issue) => {
    const name = issue.path.map(String).join('.') || '(environment)';
    const reason =
      issue.code === 'invalid_type' && env[name] === undefined ? 'is required' : issue.message;
    return `${name} ${reason}`;
  });
}

export function presentOnly(source: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(source).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '',
    ),
  );
}
