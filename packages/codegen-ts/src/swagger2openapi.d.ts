declare module 'swagger2openapi' {
  interface ConvertOptions {
    patch?: boolean;
    warnOnly?: boolean;
    resolve?: boolean;
    source?: string;
  }
  interface ConvertResult {
    openapi: Record<string, unknown>;
  }
  export function convertObj(swagger: unknown, options: ConvertOptions): Promise<ConvertResult>;
}
