import { Controller, Get, Post } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { Permission } from '@app/identity';
import { Access } from './access.decorator';
import { RouteAccessCheck } from './route-access';

@Controller('declared')
class DeclaredController {
  @Get()
  @Access(Permission.Public)
  open(): string {
    return 'ok';
  }
}

@Controller('unguarded')
class UnguardedController {
  @Post(':id')
  change(): string {
    return 'changed';
  }
}

async function start(controllers: (new () => unknown)[]): Promise<void> {
  const moduleRef = await Test.createTestingModule({
    imports: [DiscoveryModule],
    controllers,
    providers: [RouteAccessCheck],
  }).compile();
  try {
    await moduleRef.init();
  } finally {
    await moduleRef.close();
  }
}

describe('RouteAccessCheck (default deny)', () => {
  it('lets the app start when every route declares a permission', async () => {
    await expect(start([DeclaredController])).resolves.toBeUndefined();
  });

  it('refuses to start, naming the route, when one declares none', async () => {
    await expect(start([DeclaredController, UnguardedController])).rejects.toThrow(
      'Routes without an @Access declaration: POST /v1/unguarded/:id (UnguardedController.change)',
    );
  });
});
