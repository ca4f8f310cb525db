import type { Database } from 'better-sqlite3-multiple-ciphers';
import { SETTING_DEFAULTS, clinicSettings, type ClinicSettings } from '../../shared/schemas/settings';

/** Clinic settings, one row per key; a key never set reads as its labelled default. */
export class SettingsRepository {
  private readonly all;
  private readonly upsert;

  constructor(db: Database) {
    this.all = db.prepare<[], { key: string; value_json: string }>('SELECT key, value_json FROM settings');
    this.upsert = db.prepare(
      `INSERT INTO settings (key, value_json, updated_at, updated_by) VALUES (?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    );
  }

  read(): ClinicSettings {
    const stored = new Map(this.all.all().map((r) => [r.key, JSON.parse(r.value_json) as unknown]));
    const keys = Object.keys(SETTING_DEFAULTS) as (keyof ClinicSettings)[];
    // A stored value that no longer validates reads as its default rather than breaking the app.
    return Object.fromEntries(
      keys.map((key) => {
        const parsed = clinicSettings.shape[key].safeParse(stored.get(key));
        return [key, parsed.success ? parsed.data : SETTING_DEFAULTS[key]];
      }),
    ) as ClinicSettings;
  }

  write(key: keyof ClinicSettings, value: unknown, at: string, by: string): void {
    this.upsert.run(key, JSON.stringify(value), at, by);
  }
}
