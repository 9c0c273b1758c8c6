/**
 * The few browser globals that the explorer's i18n module reads when it loads (the language from
 * ?lang= or localStorage) and when the language changes: enough to run its pure functions under
 * Node, without a DOM library. Call it before importing the module (with `await import`).
 */
export function stubBrowserGlobals(search = "", stored: string | null = null): Map<string, string> {
  const storage = new Map<string, string>(stored === null ? [] : [["cancu.lang", stored]]);
  Object.assign(globalThis, {
    location: { search },
    localStorage: {
      getItem: (key: string) => storage.get(key) ?? null,
      setItem: (key: string, value: string) => void storage.set(key, value),
    },
    document: { documentElement: { lang: "" } },
  });
  return storage;
}
