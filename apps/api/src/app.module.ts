import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, CoreModule, CoreModuleOptions } from '@app/core';
import { HealthController } from './health/health.controller';
import { HttpDrain } from './http/http-drain';
import { RootController } from './root/root.controller';

@Module({})
export class AppModule {
  /** The API; tests pass their own config, the process reads its environment. */
  static forRoot(config?: AppConfig, options?: CoreModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [CoreModule.forRoot(config, options)],
      controllers: [RootController, HealthController],
      providers: [HttpDrain],
    };
  }
}
