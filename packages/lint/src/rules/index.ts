import type { SpecgateRule } from '../rule.js';
import { deprecatedHasSunset } from './deprecated-has-sunset.js';
import { errorResponseProblemJson } from './error-response-problem-json.js';
import { infoVersionSemver } from './info-version-semver.js';
import { noApiKeyInQuery } from './no-api-key-in-query.js';
import { noBasicAuth } from './no-basic-auth.js';
import { operationClientErrorResponse } from './operation-client-error-response.js';
import { operationHasTag } from './operation-has-tag.js';
import { operationIdCamelCase } from './operation-id-camel-case.js';
import { operationSecurityDefined } from './operation-security-defined.js';
import { operationSuccessResponse } from './operation-success-response.js';
import { operationSummaryLength } from './operation-summary-length.js';
import { operationTagsDeclared } from './operation-tags-declared.js';
import { pathSegmentKebabCase } from './path-segment-kebab-case.js';
import { pathVersionPrefix } from './path-version-prefix.js';
import { propertyNameCamelCase } from './property-name-camel-case.js';
import { queryParameterCamelCase } from './query-parameter-camel-case.js';
import { requestBodyJson } from './request-body-json.js';
import { serverHttps } from './server-https.js';
import { sunsetRequiresDeprecated } from './sunset-requires-deprecated.js';

/** Every specgate rule, ordered by id; each lives in `rules/<id>.ts`. */
export const specgateRules: readonly SpecgateRule[] = [
  deprecatedHasSunset,
  errorResponseProblemJson,
  infoVersionSemver,
  noApiKeyInQuery,
  noBasicAuth,
  operationClientErrorResponse,
  operationHasTag,
  operationIdCamelCase,
  operationSecurityDefined,
  operationSuccessResponse,
  operationSummaryLength,
  operationTagsDeclared,
  pathSegmentKebabCase,
  pathVersionPrefix,
  propertyNameCamelCase,
  queryParameterCamelCase,
  requestBodyJson,
  serverHttps,
  sunsetRequiresDeprecated,
];
