// mocha's prebuilt browser bundle, as its ESM wrapper: `mocha` is the BrowserMocha instance a
// <script> tag would put on globalThis.mocha (setup() installs describe/it on globalThis).
declare module 'mocha/mocha.mjs' {
  export const mocha: BrowserMocha;
  export const reporters: typeof Mocha.reporters;
}
