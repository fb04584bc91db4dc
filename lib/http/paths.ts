/**
 * No page, file or API resource of ours has a control character in its path. Looked up anyway, a
 * NUL reaches PostgreSQL, which refuses it outright (a 500 in every route that reads a slug), so
 * such a path is a 404 before anything reads it: in proxy.ts for pages, in the API's wrapper
 * (lib/api/http.ts) for `/api/v1`, which the proxy does not see.
 */
const CONTROL_IN_PATH = /%(?:[01][0-9a-f]|7f)|[\u0000-\u001f\u007f]/i;

export function hasControlCharacter(path: string): boolean {
  return CONTROL_IN_PATH.test(path);
}
