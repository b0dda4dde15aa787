const CAMEL_CASE = /^[a-z][a-zA-Z0-9]*$/;
const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** True for names such as `listPets` or `petId`: a lowercase letter, then letters and digits. */
export function isCamelCase(name: string): boolean {
  return CAMEL_CASE.test(name);
}

/** True for segments such as `pet-owners` or `v2`: lowercase words joined by single hyphens. */
export function isKebabCase(segment: string): boolean {
  return KEBAB_CASE.test(segment);
}

/** Rewrites a name in camelCase, e.g. `list_pets` and `ListPets` both become `listPets`. */
export function toCamelCase(name: string): string {
  const words = splitWords(name).map((word) => word.toLowerCase());
  return words.map((word, index) => (index === 0 ? word : capitalize(word))).join('');
}

/** Rewrites a path segment in kebab-case, e.g. `petOwners` and `Pet_Owners` become `pet-owners`. */
export function toKebabCase(segment: string): string {
  return splitWords(segment)
    .map((word) => word.toLowerCase())
    .join('-');
}

/** Splits a name into words at separators and at lower-to-upper case changes (`HTTPStatus` → HTTP, Status). */
function splitWords(name: string): string[] {
  const spaced = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2');
  return spaced.split(/[^a-zA-Z0-9]+/).filter((word) => word !== '');
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
