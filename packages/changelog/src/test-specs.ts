/** Revisions of a small pets API for tests: 1.0.0, then additions and a deprecation, then a removal. */
export const PETS_V1 = `openapi: 3.0.3
info: { title: Pets, version: 1.0.0 }
paths:
  /pets:
    get:
      operationId: listPets
      summary: List pets
      responses:
        '200': { description: ok }
  /pets/{petId}:
    get:
      operationId: getPet
      parameters:
        - { name: petId, in: path, required: true, schema: { type: string } }
      responses:
        '200': { description: ok }
  /legacy/pets:
    get:
      operationId: listLegacyPets
      responses:
        '200': { description: ok }
`;

export const PETS_V2 = PETS_V1.replace('version: 1.0.0', 'version: 1.1.0')
  .replace(
    `      summary: List pets
      responses:`,
    `      summary: List pets
      parameters:
        - { name: limit, in: query, schema: { type: integer } }
      responses:`,
  )
  .replace(
    `      operationId: listLegacyPets
`,
    `      operationId: listLegacyPets
      deprecated: true
      x-deprecated-at: '2026-06-01'
      x-sunset: '2027-06-01'
      x-replaced-by: listPets
      x-migration-guide: https://docs.example.test/pets/migrate
`,
  )
  .replace(
    `  /pets/{petId}:`,
    `    post:
      operationId: createPet
      responses:
        '201': { description: created }
  /pets/{petId}:`,
  );

export const PETS_V3 = PETS_V2.replace('version: 1.1.0', 'version: 1.2.0').replace(
  `  /pets/{petId}:
    get:
      operationId: getPet
      parameters:
        - { name: petId, in: path, required: true, schema: { type: string } }
      responses:
        '200': { description: ok }
`,
  '',
);
