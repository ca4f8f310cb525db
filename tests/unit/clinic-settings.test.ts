import { describe, expect, it } from 'vitest';
import { LOGO_MAX_BYTES, logoProblem } from '../../shared/schemas/logo';
import { clinicSettings, clinicSettingsUpdate, SETTING_DEFAULTS } from '../../shared/schemas/settings';

const b64 = (bytes: number[] | string) => Buffer.from(typeof bytes === 'string' ? bytes : Uint8Array.from(bytes)).toString('base64');
const PNG_HEAD = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13];
const png = `data:image/png;base64,${b64(PNG_HEAD)}`;
const jpeg = `data:image/jpeg;base64,${b64([0xff, 0xd8, 0xff, 0xe0, 0, 16])}`;
const svg = (body: string) => `data:image/svg+xml;base64,${b64(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">${body}</svg>`)}`;

describe('clinic logo', () => {
  it('accepts small PNG, JPEG and plain SVG images, checked by their first bytes', () => {
    expect(logoProblem(png)).toBeNull();
    expect(logoProblem(jpeg)).toBeNull();
    expect(logoProblem(svg('<circle cx="5" cy="5" r="4" fill="#0f5d66"/>'))).toBeNull();
    expect(logoProblem(`data:image/svg+xml,${encodeURIComponent('<svg viewBox="0 0 1 1"></svg>')}`)).toBeNull();
  });

  it('refuses a file whose bytes do not match its label, other types, and broken data', () => {
    expect(logoProblem(`data:image/png;base64,${b64([0xff, 0xd8, 0xff, 0xe0])}`)).toBe('This file is not a PNG image');
    expect(logoProblem(`data:image/jpeg;base64,${b64(PNG_HEAD)}`)).toBe('This file is not a JPEG image');
    expect(logoProblem(`data:image/gif;base64,${b64('GIF89a')}`)).toBe('The logo must be a PNG, JPEG or SVG image');
    expect(logoProblem('https://example.invalid/logo.png')).toBe('The logo must be a PNG, JPEG or SVG image');
    expect(logoProblem('data:image/png;base64,@@@@')).toBe('The logo file could not be read');
    expect(logoProblem(`data:image/svg+xml;base64,${b64('<html></html>')}`)).toBe('This file is not an SVG image');
  });

  it('refuses an SVG that could run or load anything', () => {
    for (const body of [
      '<script>alert(1)</script>',
      '<rect onload="alert(1)" width="1" height="1"/>',
      '<a href="javascript:alert(1)"><rect/></a>',
      '<image href="http://example.invalid/x.png"/>',
      '<foreignObject><div/></foreignObject>',
      '<rect style="fill:url(http://example.invalid/x)"/>',
    ]) {
      expect(logoProblem(svg(body)), body).toMatch(/scripts or links/);
    }
  });

  it('refuses a logo over the size limit', () => {
    const big = `data:image/png;base64,${b64([...PNG_HEAD, ...new Array(LOGO_MAX_BYTES).fill(0)])}`;
    expect(logoProblem(big)).toMatch(/at most 100 kB/);
  });
});

describe('clinic settings for printouts', () => {
  it('has a labelled default for each, and the defaults validate', () => {
    expect(SETTING_DEFAULTS).toMatchObject({
      clinicName: '', clinicAddress: '', clinicPhone: '', afterHoursPhone: '', emergencyNumber: '', clinicLogo: null, paperSize: 'a4',
    });
    expect(clinicSettings.parse(SETTING_DEFAULTS)).toEqual(SETTING_DEFAULTS);
  });

  it('validates an update field by field, with messages naming the field', () => {
    const ok = clinicSettingsUpdate.parse({ settings: { clinicName: '  Harbour Clinic ', paperSize: 'letter', clinicLogo: png, emergencyNumber: '911' } });
    expect(ok.settings).toEqual({ clinicName: 'Harbour Clinic', paperSize: 'letter', clinicLogo: png, emergencyNumber: '911' });
    const bad = clinicSettingsUpdate.safeParse({ settings: { paperSize: 'a5', clinicPhone: 'call me', clinicLogo: 'data:image/png;base64,AAAA' } });
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages).toEqual([
      'settings.clinicPhone: Clinic phone may use digits, spaces and + ( ) - . / # *',
      'settings.clinicLogo: This file is not a PNG image',
      'settings.paperSize: Paper size must be A4 or US Letter',
    ]);
    expect(clinicSettingsUpdate.parse({ settings: { clinicLogo: null } }).settings).toEqual({ clinicLogo: null });
    expect(clinicSettingsUpdate.parse({ settings: { clinicPhone: '+44 (0)20 7946 0000 ext 12' } }).settings.clinicPhone).toBe('+44 (0)20 7946 0000 ext 12');
  });
});
