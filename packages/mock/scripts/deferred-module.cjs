'use strict';
// Stands in, inside the Prism bundle, for a module that Prism requires at the top of a
// file but calls only later or in rare cases. `load` runs on the first read of one of
// its exports. `nestedExports` names exports that Prism reads at load time without using
// them yet; they get stand-ins of their own.
const { createRequire } = require('node:module');

exports.deferred = function deferred(load, nestedExports) {
  let real;
  const loadOnce = () => {
    real ??= load();
    return real;
  };
  const nested = new Map(nestedExports.map((name) => [name, lazyObject(() => loadOnce()[name])]));
  return lazyObject(loadOnce, (key) => {
    if (key === '__esModule') return { value: true };
    return nested.has(key) ? { value: nested.get(key) } : undefined;
  });
};

/** Requires `specifier` from Prism's own dependencies, outside the bundle. */
exports.fromPrism = function fromPrism(specifier) {
  // A variable, so the bundler leaves the lookup to run time.
  const prism = '@stoplight/prism-http';
  return () => createRequire(require.resolve(prism))(specifier);
};

function lazyObject(load, early = () => undefined) {
  return new Proxy(
    {},
    {
      get: (_target, key) => {
        const known = early(key);
        return known ? known.value : load()[key];
      },
      has: (_target, key) => key in load(),
      ownKeys: () => Reflect.ownKeys(load()),
      getOwnPropertyDescriptor: (_target, key) => {
        const descriptor = Reflect.getOwnPropertyDescriptor(load(), key);
        return descriptor ? { ...descriptor, configurable: true } : undefined;
      },
    },
  );
}
