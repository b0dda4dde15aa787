import type { ChangeKind } from './change-kind.js';
import { additionalPropertiesNarrowed } from './additional-properties-narrowed.js';
import { additionalPropertiesWidened } from './additional-properties-widened.js';
import { anyOfBecameOneOf } from './any-of-became-one-of.js';
import { anyOfConstraintAdded } from './any-of-constraint-added.js';
import { anyOfConstraintRemoved } from './any-of-constraint-removed.js';
import { anyOfMemberAdded } from './any-of-member-added.js';
import { anyOfMemberRemoved } from './any-of-member-removed.js';
import { apiBasePathChanged } from './api-base-path-changed.js';
import { becameNotNullable } from './became-not-nullable.js';
import { becameNullable } from './became-nullable.js';
import { callbackAdded } from './callback-added.js';
import { callbackRemoved } from './callback-removed.js';
import { defaultChanged } from './default-changed.js';
import { discriminatorChanged } from './discriminator-changed.js';
import { discriminatorMappingChanged } from './discriminator-mapping-changed.js';
import { endpointAdded } from './endpoint-added.js';
import { endpointDeprecated } from './endpoint-deprecated.js';
import { endpointReactivated } from './endpoint-reactivated.js';
import { endpointRemovedAfterSunset } from './endpoint-removed-after-sunset.js';
import { endpointRemovedBeforeSunset } from './endpoint-removed-before-sunset.js';
import { endpointRemovedWithoutDeprecation } from './endpoint-removed-without-deprecation.js';
import { endpointRemovedWithoutSunset } from './endpoint-removed-without-sunset.js';
import { endpointSecurityLoosened } from './endpoint-security-loosened.js';
import { endpointSecurityTightened } from './endpoint-security-tightened.js';
import { enumAdded } from './enum-added.js';
import { enumRemoved } from './enum-removed.js';
import { enumValueAdded } from './enum-value-added.js';
import { enumValueRemoved } from './enum-value-removed.js';
import { extensibleEnumValueAdded } from './extensible-enum-value-added.js';
import { extensibleEnumValueRemoved } from './extensible-enum-value-removed.js';
import { formatChanged } from './format-changed.js';
import { formatNarrowed } from './format-narrowed.js';
import { formatWidened } from './format-widened.js';
import { maxDecreased } from './max-decreased.js';
import { maxIncreased } from './max-increased.js';
import { maxItemsDecreased } from './max-items-decreased.js';
import { maxItemsIncreased } from './max-items-increased.js';
import { maxItemsRemoved } from './max-items-removed.js';
import { maxItemsSet } from './max-items-set.js';
import { maxLengthDecreased } from './max-length-decreased.js';
import { maxLengthIncreased } from './max-length-increased.js';
import { maxLengthRemoved } from './max-length-removed.js';
import { maxLengthSet } from './max-length-set.js';
import { maxPropertiesDecreased } from './max-properties-decreased.js';
import { maxPropertiesIncreased } from './max-properties-increased.js';
import { maxRemoved } from './max-removed.js';
import { maxSet } from './max-set.js';
import { minDecreased } from './min-decreased.js';
import { minIncreased } from './min-increased.js';
import { minItemsDecreased } from './min-items-decreased.js';
import { minItemsIncreased } from './min-items-increased.js';
import { minItemsRemoved } from './min-items-removed.js';
import { minItemsSet } from './min-items-set.js';
import { minLengthDecreased } from './min-length-decreased.js';
import { minLengthIncreased } from './min-length-increased.js';
import { minLengthRemoved } from './min-length-removed.js';
import { minLengthSet } from './min-length-set.js';
import { minPropertiesDecreased } from './min-properties-decreased.js';
import { minPropertiesIncreased } from './min-properties-increased.js';
import { minRemoved } from './min-removed.js';
import { minSet } from './min-set.js';
import { multipleOfChanged } from './multiple-of-changed.js';
import { newOptionalRequestParameter } from './new-optional-request-parameter.js';
import { newRequiredRequestParameter } from './new-required-request-parameter.js';
import { oneOfBecameAnyOf } from './one-of-became-any-of.js';
import { oneOfConstraintAdded } from './one-of-constraint-added.js';
import { oneOfConstraintRemoved } from './one-of-constraint-removed.js';
import { oneOfMemberAdded } from './one-of-member-added.js';
import { oneOfMemberRemoved } from './one-of-member-removed.js';
import { oneOfMembersOverlap } from './one-of-members-overlap.js';
import { operationIdChanged } from './operation-id-changed.js';
import { optionalPropertyAdded } from './optional-property-added.js';
import { optionalPropertyRemoved } from './optional-property-removed.js';
import { patternAdded } from './pattern-added.js';
import { patternChanged } from './pattern-changed.js';
import { patternRemoved } from './pattern-removed.js';
import { propertyBecameOptional } from './property-became-optional.js';
import { propertyBecameRequired } from './property-became-required.js';
import { requestBodyAddedOptional } from './request-body-added-optional.js';
import { requestBodyAddedRequired } from './request-body-added-required.js';
import { requestBodyBecameOptional } from './request-body-became-optional.js';
import { requestBodyBecameRequired } from './request-body-became-required.js';
import { requestBodyEncodingChanged } from './request-body-encoding-changed.js';
import { requestBodyMediaTypeAdded } from './request-body-media-type-added.js';
import { requestBodyMediaTypeRemoved } from './request-body-media-type-removed.js';
import { requestBodyRemoved } from './request-body-removed.js';
import { requestParameterAllowReservedAdded } from './request-parameter-allow-reserved-added.js';
import { requestParameterAllowReservedRemoved } from './request-parameter-allow-reserved-removed.js';
import { requestParameterBecameOptional } from './request-parameter-became-optional.js';
import { requestParameterBecameRequired } from './request-parameter-became-required.js';
import { requestParameterDeprecated } from './request-parameter-deprecated.js';
import { requestParameterExplodeChanged } from './request-parameter-explode-changed.js';
import { requestParameterInChanged } from './request-parameter-in-changed.js';
import { requestParameterRemoved } from './request-parameter-removed.js';
import { requestParameterStyleChanged } from './request-parameter-style-changed.js';
import { requiredPropertyAdded } from './required-property-added.js';
import { requiredPropertyRemoved } from './required-property-removed.js';
import { responseEncodingChanged } from './response-encoding-changed.js';
import { responseHeaderAdded } from './response-header-added.js';
import { responseHeaderBecameOptional } from './response-header-became-optional.js';
import { responseDefaultBodyMoved } from './response-default-body-moved.js';
import { responseHeaderBecameRequired } from './response-header-became-required.js';
import { responseMediaTypeAdded } from './response-media-type-added.js';
import { responseMediaTypeRemoved } from './response-media-type-removed.js';
import { responseNonSuccessStatusAdded } from './response-non-success-status-added.js';
import { responseNonSuccessStatusRemoved } from './response-non-success-status-removed.js';
import { responseOptionalHeaderRemoved } from './response-optional-header-removed.js';
import { responseRequiredHeaderRemoved } from './response-required-header-removed.js';
import { responseSuccessStatusAdded } from './response-success-status-added.js';
import { responseSuccessStatusRemoved } from './response-success-status-removed.js';
import { schemaAdded } from './schema-added.js';
import { schemaRemoved } from './schema-removed.js';
import { securitySchemeAdded } from './security-scheme-added.js';
import { securitySchemeApiKeyChanged } from './security-scheme-api-key-changed.js';
import { securitySchemeFlowAdded } from './security-scheme-flow-added.js';
import { securitySchemeFlowRemoved } from './security-scheme-flow-removed.js';
import { securitySchemeRemoved } from './security-scheme-removed.js';
import { securitySchemeScopeAdded } from './security-scheme-scope-added.js';
import { securitySchemeScopeRemoved } from './security-scheme-scope-removed.js';
import { securitySchemeTypeChanged } from './security-scheme-type-changed.js';
import { securitySchemeUrlChanged } from './security-scheme-url-changed.js';
import { serverAdded } from './server-added.js';
import { serverRemoved } from './server-removed.js';
import { typeChanged } from './type-changed.js';
import { typeNarrowed } from './type-narrowed.js';
import { typeWidened } from './type-widened.js';
import { uniqueItemsRemoved } from './unique-items-removed.js';
import { uniqueItemsSet } from './unique-items-set.js';
import { webhookAdded } from './webhook-added.js';
import { webhookRemoved } from './webhook-removed.js';

export type { ChangeKind, ChangeExample, DirectedLevels } from './change-kind.js';
export { exampleSpecs } from './example-specs.js';

/** Every change kind, one module each: schema kinds apply to every subject and direction. */
export const CHANGE_KINDS: readonly ChangeKind[] = [
  typeWidened,
  typeNarrowed,
  typeChanged,
  formatWidened,
  formatNarrowed,
  formatChanged,
  becameNullable,
  becameNotNullable,
  enumValueAdded,
  enumValueRemoved,
  enumAdded,
  enumRemoved,
  maxDecreased,
  maxIncreased,
  maxSet,
  maxRemoved,
  minIncreased,
  minDecreased,
  minSet,
  minRemoved,
  maxLengthDecreased,
  maxLengthIncreased,
  maxLengthSet,
  maxLengthRemoved,
  minLengthIncreased,
  minLengthDecreased,
  minLengthSet,
  minLengthRemoved,
  maxItemsDecreased,
  maxItemsIncreased,
  maxItemsSet,
  maxItemsRemoved,
  minItemsIncreased,
  minItemsDecreased,
  minItemsSet,
  minItemsRemoved,
  maxPropertiesDecreased,
  maxPropertiesIncreased,
  minPropertiesIncreased,
  minPropertiesDecreased,
  multipleOfChanged,
  uniqueItemsSet,
  uniqueItemsRemoved,
  patternAdded,
  patternChanged,
  patternRemoved,
  requiredPropertyAdded,
  optionalPropertyAdded,
  requiredPropertyRemoved,
  optionalPropertyRemoved,
  propertyBecameRequired,
  propertyBecameOptional,
  additionalPropertiesNarrowed,
  additionalPropertiesWidened,
  oneOfMemberAdded,
  oneOfMemberRemoved,
  anyOfMemberAdded,
  anyOfMemberRemoved,
  oneOfMembersOverlap,
  anyOfBecameOneOf,
  oneOfBecameAnyOf,
  oneOfConstraintAdded,
  oneOfConstraintRemoved,
  anyOfConstraintAdded,
  anyOfConstraintRemoved,
  discriminatorChanged,
  discriminatorMappingChanged,
  extensibleEnumValueAdded,
  extensibleEnumValueRemoved,
  defaultChanged,
  schemaAdded,
  schemaRemoved,
  endpointAdded,
  endpointRemovedWithoutDeprecation,
  endpointRemovedWithoutSunset,
  endpointRemovedBeforeSunset,
  endpointRemovedAfterSunset,
  endpointDeprecated,
  endpointReactivated,
  operationIdChanged,
  newRequiredRequestParameter,
  newOptionalRequestParameter,
  requestParameterRemoved,
  requestParameterBecameRequired,
  requestParameterBecameOptional,
  requestParameterStyleChanged,
  requestParameterExplodeChanged,
  requestParameterDeprecated,
  requestParameterInChanged,
  requestParameterAllowReservedRemoved,
  requestParameterAllowReservedAdded,
  requestBodyAddedRequired,
  requestBodyAddedOptional,
  requestBodyRemoved,
  requestBodyBecameRequired,
  requestBodyBecameOptional,
  requestBodyMediaTypeAdded,
  requestBodyMediaTypeRemoved,
  requestBodyEncodingChanged,
  responseSuccessStatusRemoved,
  responseNonSuccessStatusRemoved,
  responseDefaultBodyMoved,
  responseSuccessStatusAdded,
  responseNonSuccessStatusAdded,
  responseMediaTypeAdded,
  responseMediaTypeRemoved,
  responseEncodingChanged,
  responseHeaderAdded,
  responseRequiredHeaderRemoved,
  responseOptionalHeaderRemoved,
  responseHeaderBecameOptional,
  responseHeaderBecameRequired,
  endpointSecurityTightened,
  endpointSecurityLoosened,
  callbackAdded,
  callbackRemoved,
  apiBasePathChanged,
  serverRemoved,
  serverAdded,
  securitySchemeAdded,
  securitySchemeRemoved,
  securitySchemeTypeChanged,
  securitySchemeApiKeyChanged,
  securitySchemeFlowAdded,
  securitySchemeFlowRemoved,
  securitySchemeUrlChanged,
  securitySchemeScopeAdded,
  securitySchemeScopeRemoved,
  webhookAdded,
  webhookRemoved,
];
