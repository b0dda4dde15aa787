/**
 * Mock servers from OpenAPI specs, on Prism's request handling embedded in-process:
 * static or seeded dynamic responses, request checks answered with problem+json at
 * the status each failure calls for, lifecycle headers on deprecated operations,
 * reload on spec change, and a validation proxy in front of a real provider.
 */
export { startMock } from './start-mock.js';
export type {
  MockApiInput,
  MockEvent,
  MockServer,
  RequestLogEntry,
  StartMockOptions,
} from './start-mock.js';
export { PROBLEM_KINDS, problemType } from './problems.js';
export type { Problem, ProblemKind, Violation } from './problems.js';
export { findSpecWarnings } from './spec-warnings.js';
export type { SpecWarning } from './spec-warnings.js';
