// The clinic's logo is stored in the settings table as a small data URL and
// printed on every sheet. It is checked here, on both sides, for type (by its
// first bytes, not only its label), size and, for SVG, anything active.

export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/svg+xml'] as const;

/** 100 kB of image: plenty for a letterhead logo, small enough to keep in every settings read. */
export const LOGO_MAX_BYTES = 100 * 1024;
/** Base64 makes 4 characters of 3 bytes; the rest is the "data:…;base64," prefix. */
export const LOGO_MAX_URL_LENGTH = Math.ceil(LOGO_MAX_BYTES / 3) * 4 + 64;

const DATA_URL = /^data:(image\/png|image\/jpeg|image\/svg\+xml)(;charset=[\w-]+)?(;base64)?,(.*)$/s;

function decodeBase64(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return null;
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];

/** Anything in an SVG that could run, load from elsewhere or embed a page. */
const SVG_ACTIVE = [
  /<script/i,
  /<foreignObject/i,
  /<iframe|<embed|<object/i,
  /\son[a-z]+\s*=/i,
  /javascript:/i,
  /(?:xlink:)?href\s*=\s*["'](?!#|data:image\/)/i,
  /url\(\s*["']?(?!#|data:image\/)/i,
  /<!ENTITY/i,
];

/** Why this data URL cannot be a logo, or null when it can. */
export function logoProblem(dataUrl: string): string | null {
  if (dataUrl.length > LOGO_MAX_URL_LENGTH) return `The logo must be at most ${LOGO_MAX_BYTES / 1024} kB`;
  const m = DATA_URL.exec(dataUrl);
  if (!m) return 'The logo must be a PNG, JPEG or SVG image';
  const [, type, , base64, payload = ''] = m;
  let bytes: Uint8Array | null;
  if (base64) bytes = decodeBase64(payload);
  else if (type === 'image/svg+xml') {
    try {
      bytes = new TextEncoder().encode(decodeURIComponent(payload));
    } catch {
      bytes = null;
    }
  } else bytes = null;
  if (!bytes || bytes.length === 0) return 'The logo file could not be read';
  if (bytes.length > LOGO_MAX_BYTES) return `The logo must be at most ${LOGO_MAX_BYTES / 1024} kB`;
  if (type === 'image/png' && !startsWith(bytes, PNG)) return 'This file is not a PNG image';
  if (type === 'image/jpeg' && !startsWith(bytes, JPEG)) return 'This file is not a JPEG image';
  if (type === 'image/svg+xml') {
    const text = new TextDecoder().decode(bytes);
    if (!/<svg[\s>]/i.test(text)) return 'This file is not an SVG image';
    if (SVG_ACTIVE.some((re) => re.test(text))) return 'This SVG contains scripts or links; save it as a plain image';
  }
  return null;
}
