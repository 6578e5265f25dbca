import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Permission } from '@app/identity';
import { Access } from '../access/access.decorator';
import { API_VERSION } from '../api-version';

class RootLinks {
  @ApiProperty({ example: { href: '/v1/openapi.json' } })
  openapi!: { href: string };

  @ApiProperty({ example: { href: '/v1/docs' } })
  docs!: { href: string };
}

class RootResponse {
  @ApiProperty({ example: 'Sterk Bestuur Tracker API' })
  name!: string;

  @ApiProperty({ example: API_VERSION })
  version!: string;

  @ApiProperty({ type: RootLinks })
  _links!: RootLinks;
}

@ApiTags('api')
@Controller()
export class RootController {
  @Get()
  @Access(Permission.Public)
  @ApiOperation({
    summary: 'The API, and where its description is',
    description: 'Public. Links to the OpenAPI document and the docs page.',
  })
  @ApiOkResponse({ type: RootResponse, description: 'Where to find the API description.' })
  root(): RootResponse {
    return {
      name: 'Sterk Bestuur Tracker API',
      version: API_VERSION,
      _links: { openapi: { href: '/v1/openapi.json' }, docs: { href: '/v1/docs' } },
    };
  }
}
