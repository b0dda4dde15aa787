/**
 * Types of the part of @pactflow/openapi-pact-comparator that specgate uses. The
 * package lists its `types` condition after `import`, so TypeScript under NodeNext
 * does not find the declarations it ships.
 */
declare module '@pactflow/openapi-pact-comparator' {
  export interface Result {
    code: string;
    message: string;
    type: 'error' | 'warning' | 'info';
    mockDetails?: {
      interactionDescription?: string | null;
      interactionState?: string | null;
      location: string;
      value: unknown;
    };
    specDetails?: {
      location: string;
      pathMethod?: string | null;
      pathName?: string | null;
      value: unknown;
    };
  }

  export class Comparator {
    constructor(options?: { oas?: object; asyncapi?: object });
    compare(pact: object): AsyncGenerator<Result>;
  }
}
