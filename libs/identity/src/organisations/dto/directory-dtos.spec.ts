import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ListUsersQuery } from '../../users/dto/list-users.query';
import { UpdateUserDto } from '../../users/dto/update-user.dto';
import { CreateOrganisationDto } from './create-organisation.dto';

/** The names of the properties that fail, validated as the global ValidationPipe does. */
const failing = <T extends object>(type: new () => T, plain: object): string[] =>
  validateSync(plainToInstance(type, plain), { whitelist: true, forbidNonWhitelisted: true })
    .map((error) => error.property)
    .sort();

describe('directory DTOs', () => {
  it('refuses an explicit null where a PATCH property may only be omitted', () => {
    expect(failing(UpdateUserDto, {})).toEqual([]);
    expect(failing(UpdateUserDto, { displayName: null, isActive: null })).toEqual([
      'displayName',
      'isActive',
    ]);
  });

  it('refuses a blank name', () => {
    expect(failing(UpdateUserDto, { displayName: '   ' })).toEqual(['displayName']);
  });

  it('reads only "true" and "false" as query booleans', () => {
    expect(plainToInstance(ListUsersQuery, { isActive: 'false' }).isActive).toBe(false);
    expect(plainToInstance(ListUsersQuery, { isActive: 'true' }).isActive).toBe(true);
    expect(failing(ListUsersQuery, { isActive: 'no' })).toEqual(['isActive']);
  });

  it('wants organisation codes upper-case and kinds from the list', () => {
    const organisation = { code: 'VNG', name: 'Vereniging', kind: 'association' };
    expect(failing(CreateOrganisationDto, organisation)).toEqual([]);
    expect(failing(CreateOrganisationDto, { ...organisation, code: 'vng' })).toEqual(['code']);
    expect(failing(CreateOrganisationDto, { ...organisation, code: 'V' })).toEqual(['code']);
    expect(failing(CreateOrganisationDto, { ...organisation, kind: 'club' })).toEqual(['kind']);
  });
});
