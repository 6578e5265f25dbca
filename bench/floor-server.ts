/**
 * The framework's floor for one action, beside the bare comparator: the same statement and
 * the same JSON as bare-server.ts's `GET /v1/actions/{id}`, answered by a plain NestJS app on
 * Express (a controller, Nest's router and exception layer, Express's response) with nothing
 * of the product's own: no authentication, rate limits, validation, metrics, security headers
 * or logging. The product cannot be faster than this on its stack; the gap between bare and
 * floor is the framework's, the gap between floor and product the product's.
 *
 * Started by bench/api.ts as `taskset -c 0 node dist/bench/floor-server.js`.
 */
import {
  Controller,
  Get,
  Module,
  NotFoundException,
  Param,
  Res,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Response } from 'express';
import pg from 'pg';
import { type ActionRow, amsterdam, GET_STATEMENT, view } from './bare-sql';
import { instrumentPg, serveProbe } from './server-probe';

const PORT = Number(process.env.PORT);
const PUBLIC_URL = String(process.env.PUBLIC_URL);

instrumentPg();
// Dates stay ISO strings, as in the comparator.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_SIZE),
});

@Controller('v1/actions')
class ActionsController {
  @Get(':id')
  async get(@Param('id') id: string, @Res({ passthrough: true }) res: Response): Promise<object> {
    const { rows } = await pool.query<{ view: ActionRow }>({ ...GET_STATEMENT, values: [id] });
    if (rows.length === 0) throw new NotFoundException();
    const row = rows[0].view;
    res.setHeader('ETag', `"${row.version}"`);
    return view(row, amsterdam.format(new Date()), PUBLIC_URL);
  }
}

@Module({ controllers: [ActionsController] })
class FloorModule implements OnApplicationShutdown {
  onApplicationShutdown(): Promise<void> {
    return pool.end();
  }
}

async function serve(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(FloorModule, { logger: false });
  app.set('etag', false);
  await app.listen(PORT, '127.0.0.1');
  serveProbe(PORT);
  process.once('SIGTERM', () => {
    void app.close().then(() => process.exit(0));
  });
}

serve().catch((error: unknown) => {
  process.stderr.write(`floor server: ${String(error)}\n`);
  process.exit(1);
});
