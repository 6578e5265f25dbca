import { ApiProperty } from '@nestjs/swagger';

/** An identity provider people may sign in through, as the sign-in page lists it. */
export class OfferedProviderResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Ministerie van BZK' })
  displayName!: string;

  @ApiProperty({ format: 'uuid', description: 'The organisation whose provider it is.' })
  organisationId!: string;

  @ApiProperty({ example: 'Ministerie van Binnenlandse Zaken en Koninkrijksrelaties' })
  organisationName!: string;
}

export class OfferedProvidersResponse {
  @ApiProperty({ type: [OfferedProviderResponse] })
  items!: OfferedProviderResponse[];
}
