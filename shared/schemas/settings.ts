import { z } from 'zod';

export const LANGUAGES = ['vi', 'en'] as const;
export const languageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof languageSchema>;

/** Preferences only (never data): electron-store in the app, a JSON file in the web host. */
const windowStateSchema = z
  .object({
    width: z.number().int().min(400).max(10000),
    height: z.number().int().min(300).max(10000),
    x: z.number().int().min(-100000).max(100000).optional(),
    y: z.number().int().min(-100000).max(100000).optional(),
    maximized: z.boolean().default(false),
  })
  .strict();

/**
 * Whom this installation serves: a unit (sở, phường, xã/đặc khu) that self-assesses and submits, or Sở Nội vụ
 * that receives, registers and appraises. null until chosen at first start; each role sees its own menus.
 */
export const ROLES = ['unit', 'receiver'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const settingsSchema = z
  .object({
    language: languageSchema.default('vi'),
    lastAssessmentId: z.string().max(64).nullable().default(null),
    window: windowStateSchema.nullable().default(null),
    /** The appraiser's name written in the register's audit log (Sở Nội vụ side); empty = "appraiser". */
    appraiserName: z.string().max(120).default(''),
    role: roleSchema.nullable().default(null),
  })
  .strict();
export type Settings = z.infer<typeof settingsSchema>;

export const settingsPatchSchema = z
  .object({
    language: languageSchema.optional(),
    lastAssessmentId: z.string().max(64).nullable().optional(),
    window: windowStateSchema.optional(),
    appraiserName: z.string().max(120).transform((s) => s.normalize('NFC').trim()).optional(),
    role: roleSchema.optional(),
  })
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const defaultSettings = (): Settings => settingsSchema.parse({});
