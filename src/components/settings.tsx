// Console settings (time display, theme, Region), kept in localStorage. Stored values are parsed with
// zod; a field that does not parse falls back to its default, so a bad entry never breaks the console.
// zod/mini (tree-shakable): every page reads the settings first; the Settings form's resolver takes it too.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import * as z from 'zod/mini';
import type { TimeDisplay } from './format-time';
import { isAwsRegion } from './regions';

export const SETTINGS_STORAGE_KEY = 'trailview.settings';

export const DEFAULT_SETTINGS = {
  timeDisplay: 'utc' as TimeDisplay,
  theme: 'light' as 'light' | 'dark',
  region: 'us-east-1',
};

export const settingsSchema = z.object({
  timeDisplay: z.enum(['utc', 'local']),
  theme: z.enum(['light', 'dark']),
  region: z.string().check(z.refine(isAwsRegion, { message: 'Choose a Region from the list.' })),
});

export type Settings = z.infer<typeof settingsSchema>;

const storedSettingsSchema = z.catch(
  z.object({
    timeDisplay: z.catch(settingsSchema.shape.timeDisplay, DEFAULT_SETTINGS.timeDisplay),
    theme: z.catch(settingsSchema.shape.theme, DEFAULT_SETTINGS.theme),
    region: z.catch(settingsSchema.shape.region, DEFAULT_SETTINGS.region),
  }),
  DEFAULT_SETTINGS,
);

export function readSettings(storage: Storage | undefined = globalThis.localStorage): Settings {
  try {
    const raw = storage?.getItem(SETTINGS_STORAGE_KEY);
    return storedSettingsSchema.parse(raw ? JSON.parse(raw) : {});
  } catch {
    // Unreadable storage or JSON: the defaults.
    return DEFAULT_SETTINGS;
  }
}

function writeSettings(settings: Settings, storage: Storage | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(SETTINGS_STORAGE_KEY, JSON.stringify(settings));
  } catch {
    // Storage full or blocked (private mode): the settings still apply for this tab.
  }
}

interface SettingsContextValue {
  settings: Settings;
  updateSettings: (patch: Partial<Settings>) => void;
}

const SettingsContext = createContext<SettingsContextValue | null>(null);

export function SettingsProvider({ children }: { children: ReactNode }) {
  const [settings, setSettings] = useState<Settings>(() => readSettings());
  const updateSettings = useCallback((patch: Partial<Settings>) => {
    setSettings((current) => {
      const next = { ...current, ...patch };
      writeSettings(next);
      return next;
    });
  }, []);
  const value = useMemo(() => ({ settings, updateSettings }), [settings, updateSettings]);
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}

export function useSettings(): SettingsContextValue {
  const value = useContext(SettingsContext);
  if (!value) throw new Error('useSettings must be used inside <SettingsProvider>.');
  return value;
}
