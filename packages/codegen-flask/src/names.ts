/** Python keywords and soft keywords, which cannot name a function or argument. */
const PYTHON_KEYWORDS = new Set([
  'False',
  'None',
  'True',
  'and',
  'as',
  'assert',
  'async',
  'await',
  'break',
  'case',
  'class',
  'continue',
  'def',
  'del',
  'elif',
  'else',
  'except',
  'finally',
  'for',
  'from',
  'global',
  'if',
  'import',
  'in',
  'is',
  'lambda',
  'match',
  'nonlocal',
  'not',
  'or',
  'pass',
  'raise',
  'return',
  'try',
  'type',
  'while',
  'with',
  'yield',
  '_',
]);

/** Builtins a handler or argument name would shadow, and names the generated wrapper passes. */
const PYTHON_RESERVED = new Set([
  'abs',
  'all',
  'any',
  'ascii',
  'bin',
  'bool',
  'breakpoint',
  'bytearray',
  'bytes',
  'callable',
  'chr',
  'classmethod',
  'compile',
  'complex',
  'copyright',
  'credits',
  'delattr',
  'dict',
  'dir',
  'divmod',
  'enumerate',
  'eval',
  'exec',
  'exit',
  'filter',
  'float',
  'format',
  'frozenset',
  'getattr',
  'globals',
  'hasattr',
  'hash',
  'help',
  'hex',
  'id',
  'input',
  'int',
  'isinstance',
  'issubclass',
  'iter',
  'len',
  'license',
  'list',
  'locals',
  'map',
  'max',
  'memoryview',
  'min',
  'next',
  'object',
  'oct',
  'open',
  'ord',
  'pow',
  'print',
  'property',
  'quit',
  'range',
  'repr',
  'reversed',
  'round',
  'set',
  'setattr',
  'slice',
  'sorted',
  'staticmethod',
  'str',
  'sum',
  'super',
  'tuple',
  'vars',
  'zip',
  // Keyword arguments every handler may receive besides its path parameters.
  'query',
  'headers',
  'cookies',
  'body',
]);

/**
 * Converts any name (operationId, tag, parameter) to a snake_case Python identifier:
 * `getOrderByID` → `get_order_by_id`, `order-id` → `order_id`, `class` → `class_`.
 */
export function pythonName(raw: string, fallback = 'name'): string {
  const words = raw
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  let name = words === '' ? fallback : words;
  if (/^[0-9]/.test(name)) name = `${fallback}_${name}`;
  if (PYTHON_KEYWORDS.has(name) || PYTHON_RESERVED.has(name)) name = `${name}_`;
  return name;
}

/** A handler name for an operation without an operationId, from its method and path. */
export function derivedOperationName(method: string, path: string): string {
  const words = path
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => segment.replace(/^\{(.*)\}$/, 'by_$1'));
  return pythonName([method, ...words].join('_'), 'operation');
}
