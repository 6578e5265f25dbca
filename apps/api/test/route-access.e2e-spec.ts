import { Controller, Get } from '@nestjs/common';
import { startApi } from '../../../test/support/e2e';

@Controller('unguarded')
class UnguardedController {
  @Get()
  open(): { ok: boolean } {
    return { ok: true };
  }
}

describe('default deny', () => {
  it('refuses to start when a route declares no permission', async () => {
    await expect(startApi({ controllers: [UnguardedController] })).rejects.toThrow(
      'Routes without an @Access declaration: GET /v1/unguarded (UnguardedController.open)',
    );
  });
});
