import { DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { AppConfig, CoreModule, CoreModuleOptions } from '@app/core';
import { IdentityModule } from '@app/identity';
import { AccessModule } from './access/access.module';
import { AuditHttpModule } from './audit/audit-http.module';
import { HealthController } from './health/health.controller';
import { AuthHttpModule } from './identity/auth-http.module';
import { DirectoryHttpModule } from './identity/directory-http.module';
import { ProgrammesHttpModule } from './identity/programmes-http.module';
import { HttpDrain } from './http/http-drain';
import { RootController } from './root/root.controller';

@Module({})
export class AppModule {
  /** The API; tests pass their own config, the process reads its environment. */
  static forRoot(config?: AppConfig, options?: CoreModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config, options),
        AuditModule,
        IdentityModule,
        AccessModule,
        DirectoryHttpModule,
        ProgrammesHttpModule,
        AuthHttpModule,
        AuditHttpModule,
      ],
      controllers: [RootController, HealthController],
      providers: [HttpDrain],
    };
  }
}
