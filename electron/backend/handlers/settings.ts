import type { HandlerSlice } from './types';

/** Preferences live in the host's settings store (electron-store, or a JSON file in the web host and CLI). */
export const settingsHandlers: HandlerSlice<'settings.get' | 'settings.update'> = {
  'settings.get': (_input, ctx) => ctx.host.settings.get(),
  'settings.update': (input, ctx) => ctx.host.settings.update(input),
};
