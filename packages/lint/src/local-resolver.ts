import { BaseResolver, isAbsoluteUrl, ResolveError, type Source } from '@redocly/openapi-core';

/**
 * Redocly's resolver, kept offline unless remote references are allowed: an http(s) `$ref`
 * then fails to resolve, and Redocly's `no-unresolved-refs` rule reports it at the `$ref`.
 */
export class LocalResolver extends BaseResolver {
  readonly #allowRemote: boolean;

  constructor(config: ConstructorParameters<typeof BaseResolver>[0], allowRemote: boolean) {
    super(config);
    this.#allowRemote = allowRemote;
  }

  override async loadExternalRef(absoluteRef: string): Promise<Source> {
    if (isAbsoluteUrl(absoluteRef) && !this.#allowRemote) {
      const reason = `remote reference ${absoluteRef} is not fetched; vendor the file and use a relative $ref, or lint with allowRemote: true`;
      throw new ResolveError(new Error(reason));
    }
    return super.loadExternalRef(absoluteRef);
  }
}
