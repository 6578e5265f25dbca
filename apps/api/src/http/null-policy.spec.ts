import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { NULLABLE_CONTEXT } from '@app/core';
// Loads every controller, and so every request DTO, with its metadata.
import { AppModule } from '../app.module';

const SWAGGER_PROPERTY = 'swagger/apiModelProperties';

/** Every validated property of every request DTO: whether it takes null, and what it documents. */
function requestProperties(): { name: string; takesNull: boolean; documentsNull: boolean }[] {
  const storage = getMetadataStorage() as unknown as {
    validationMetadatas: Map<abstract new (...args: never[]) => unknown, ValidationMetadata[]>;
  };
  return [...storage.validationMetadatas].flatMap(([target, metadatas]) => {
    const properties = new Set(metadatas.map((metadata) => metadata.propertyName));
    return [...properties].map((property) => {
      const documented = Reflect.getMetadata(SWAGGER_PROPERTY, target.prototype, property) as
        { nullable?: boolean } | undefined;
      return {
        name: `${target.name}.${property}`,
        takesNull: metadatas.some(
          (metadata) => metadata.propertyName === property && metadata.context === NULLABLE_CONTEXT,
        ),
        documentsNull: documented?.nullable === true,
      };
    });
  });
}

describe('null on request properties (README "API conventions")', () => {
  it('is documented nullable exactly where @IsNullable() takes it', () => {
    expect(AppModule).toBeDefined();
    const properties = requestProperties();
    expect(properties.length).toBeGreaterThan(100);
    expect(properties.filter((p) => p.takesNull !== p.documentsNull).map((p) => p.name)).toEqual(
      [],
    );
  });
});
