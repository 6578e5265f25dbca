// `npm run audit:verify [-- --from N] [-- --checkpoint-file PATH | --checkpoint JSON] [--json]`:
// recomputes the audit hash chain from the command line, as GET /v1/audit-events/verify does,
// and compares it with the latest signed checkpoint. Exit code 0: valid; 1: not valid;
// 2: it could not run (bad arguments, configuration or connection).
//
// Settings from the environment (DATABASE_URL, AUDIT_CHECKPOINT_KEY, AUDIT_CHECKPOINT_FILE);
// without DATABASE_URL it uses what `npm start` keeps in .data/ (its PostgreSQL must be running).
import '../libs/core/src/runtime/register-aliases';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { AuditCheckpointStore, AuditVerifier, type ChainVerification } from '@app/audit';
import { dataSourceOptions, loadAuditConfig } from '@app/core';
import { embeddedPostgresUrl } from './services';
import { LOCAL_ROLE_NAMES, urlAs } from './services/database-roles';

const dataRoot = path.resolve(__dirname, '../../.data');

export interface VerifyCommandOutput {
  out: (text: string) => void;
  err: (text: string) => void;
}

class UsageError extends Error {}

function localSettings(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  if (env.DATABASE_URL) return env;
  const url = embeddedPostgresUrl(path.join(dataRoot, 'postgres'));
  if (!url) {
    throw new UsageError(
      'DATABASE_URL is not set and there is no local database in .data/ (run npm start first).',
    );
  }
  let secrets: { AUDIT_CHECKPOINT_KEY?: string; DATABASE_RUNTIME_PASSWORD?: string } = {};
  try {
    secrets = JSON.parse(
      readFileSync(path.join(dataRoot, 'secrets.json'), 'utf8'),
    ) as typeof secrets;
  } catch {
    secrets = {};
  }
  const runtimePassword = secrets.DATABASE_RUNTIME_PASSWORD;
  return {
    ...env,
    // Reading is all it does: as the runtime role the apps use, once npm start has made it.
    DATABASE_URL: runtimePassword
      ? urlAs(url, { name: LOCAL_ROLE_NAMES.runtime, password: runtimePassword })
      : url,
    AUDIT_CHECKPOINT_KEY: env.AUDIT_CHECKPOINT_KEY || secrets.AUDIT_CHECKPOINT_KEY,
    AUDIT_CHECKPOINT_FILE:
      env.AUDIT_CHECKPOINT_FILE ?? path.join(dataRoot, 'audit-checkpoint.json'),
  };
}

function describe(result: ChainVerification): string {
  const lines = [
    result.valid ? 'VALID' : 'NOT VALID',
    `  checked        ${result.checked} events from ${result.from} (log ends at ${result.lastSequence ?? '-'})`,
  ];
  if (result.firstInvalidSequence !== undefined) {
    lines.push(`  first invalid  ${result.firstInvalidSequence}`);
  }
  if (result.reason !== undefined) lines.push(`  reason         ${result.reason}`);
  const checkpoint = result.checkpoint;
  lines.push(
    `  checkpoint     ${checkpoint.status}${
      'sequence' in checkpoint ? ` (sequence ${checkpoint.sequence}, ${checkpoint.createdAt})` : ''
    }${'reason' in checkpoint ? `: ${checkpoint.reason}` : ''}`,
  );
  return `${lines.join('\n')}\n`;
}

/** Runs the command; answers the exit code. */
export async function auditVerifyCommand(
  args: string[],
  env: NodeJS.ProcessEnv,
  output: VerifyCommandOutput,
): Promise<number> {
  let dataSource: DataSource | undefined;
  try {
    const { values } = (() => {
      try {
        return parseArgs({
          args,
          options: {
            from: { type: 'string' },
            'checkpoint-file': { type: 'string' },
            checkpoint: { type: 'string' },
            json: { type: 'boolean', default: false },
          },
          strict: true,
        });
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
    })();
    if (values.from !== undefined && !/^[1-9]\d{0,18}$/.test(values.from)) {
      throw new UsageError('--from must be a sequence number (1 or more)');
    }
    if (values.checkpoint !== undefined && values['checkpoint-file'] !== undefined) {
      throw new UsageError('give --checkpoint or --checkpoint-file, not both');
    }
    const settings = localSettings(env);
    const audit = loadAuditConfig(settings);
    const store = new AuditCheckpointStore({ audit });
    const checkpoint =
      values.checkpoint !== undefined
        ? store.parse(values.checkpoint)
        : await store.read(values['checkpoint-file'] ?? audit.checkpointFile);
    dataSource = new DataSource(
      dataSourceOptions({
        url: settings.DATABASE_URL ?? '',
        poolSize: 2,
        ssl: settings.DATABASE_SSL === 'true',
      }),
    );
    await dataSource.initialize();
    const result = await new AuditVerifier(dataSource).verify({
      from: values.from === undefined ? undefined : BigInt(values.from),
      checkpoint,
    });
    output.out(values.json ? `${JSON.stringify(result)}\n` : describe(result));
    return result.valid ? 0 : 1;
  } catch (error) {
    output.err(`audit:verify: ${(error as Error).message}\n`);
    return 2;
  } finally {
    await dataSource?.destroy();
  }
}

if (require.main === module) {
  void auditVerifyCommand(process.argv.slice(2), process.env, {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  }).then((code) => {
    process.exitCode = code;
  });
}
