/** The package's version (package.json's; test/node/package.test.mjs checks they agree). */
export const VERSION = '0.1.0';
