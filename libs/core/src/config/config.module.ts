import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from './app-config';
import { loadConfig } from './load-config';

export const APP_CONFIG = Symbol('APP_CONFIG');

@Global()
@Module({})
export class CoreConfigModule {
  /** Provides the validated AppConfig; pass a ready config in tests, or let it read the process environment. */
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: CoreConfigModule,
      providers: [{ provide: APP_CONFIG, useValue: config ?? loadConfig(process.env) }],
      exports: [APP_CONFIG],
    };
  }
}
