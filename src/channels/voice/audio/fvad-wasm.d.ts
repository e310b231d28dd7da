// The package ships no typings; its default export is Emscripten's module factory. voice-activity.ts
// narrows the module to the functions it calls.
declare module "@echogarden/fvad-wasm" {
  const createModule: (overrides?: Record<string, unknown>) => Promise<unknown>;
  export default createModule;
}
