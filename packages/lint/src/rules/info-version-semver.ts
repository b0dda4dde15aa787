import type { UserContext } from '@redocly/openapi-core';

import type { InfoObject } from '../openapi-objects.js';
import type { SpecgateRule } from '../rule.js';

const NUMBER = '(?:0|[1-9]\\d*)';
const PRERELEASE_PART = '(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)';
const BUILD_PART = '[0-9a-zA-Z-]+';
/** Semantic Versioning 2.0.0: MAJOR.MINOR.PATCH, optional `-pre.release` and `+build.metadata`. */
const SEMVER = new RegExp(
  `^${NUMBER}\\.${NUMBER}\\.${NUMBER}` +
    `(?:-${PRERELEASE_PART}(?:\\.${PRERELEASE_PART})*)?` +
    `(?:\\+${BUILD_PART}(?:\\.${BUILD_PART})*)?$`,
);

function infoVersionSemverVisitor() {
  return {
    Info(info: InfoObject, ctx: UserContext) {
      const { version } = info;
      if (version === undefined) return;
      if (typeof version === 'string' && SEMVER.test(version)) return;
      ctx.report({
        message: `\`info.version\` ${JSON.stringify(version)} is not a semantic version. Use MAJOR.MINOR.PATCH, for example "1.4.0", and quote it in YAML.`,
        location: ctx.location.child(['version']),
      });
    },
  };
}

/** `info.version` is a Semantic Versioning 2.0.0 version. */
export const infoVersionSemver: SpecgateRule = {
  id: 'info-version-semver',
  severity: 'error',
  description: '`info.version` is a semantic version (MAJOR.MINOR.PATCH, SemVer 2.0.0).',
  oas3: infoVersionSemverVisitor,
  oas2: infoVersionSemverVisitor,
};
