import { ApiProperty } from '@nestjs/swagger';

/** An identity provider people may sign in through, as the sign-in page lists it. */
export class OfferedProviderResponse {
  @ApiProperty({ format: 'uuid', example: 'b153b300-8b73-4664-8a03-be1af7d3e3ae' })
  id!: string;

  @ApiProperty({ example: 'Ministerie van BZK' })
  displayName!: string;

  @ApiProperty({
    format: 'uuid',
    description: 'The organisation whose provider it is.',
    example: '32f4863a-c117-4dd8-93d3-7b281d88bd9c',
  })
  organisationId!: string;

  @ApiProperty({ example: 'Ministerie van Binnenlandse Zaken en Koninkrijksrelaties' })
  organisationName!: string;
}

export class OfferedProvidersResponse {
  @ApiProperty({ type: [OfferedProviderResponse] })
  items!: OfferedProviderResponse[];
}
