import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

// A calm, desaturated clinical teal. Shade 8 is the primary shade: white text
// on it, and it on white, both clear WCAG AA (5.9:1).
const clinic: MantineColorsTuple = [
  '#e8f4f5',
  '#d2e8eb',
  '#a6d1d7',
  '#77b9c2',
  '#51a4af',
  '#3897a3',
  '#2a8c98',
  '#1f7c88',
  '#176f79',
  '#0f5d66',
];

export const theme = createTheme({
  primaryColor: 'clinic',
  primaryShade: 8,
  colors: { clinic },
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif',
  fontFamilyMonospace: 'ui-monospace, "SFMono-Regular", "Cascadia Mono", "DejaVu Sans Mono", Menlo, monospace',
  defaultRadius: 'sm',
  cursorType: 'pointer',
  focusRing: 'auto',
  respectReducedMotion: true,
  headings: {
    fontWeight: '600',
    sizes: {
      h1: { fontSize: '1.5rem', lineHeight: '1.3' },
      h2: { fontSize: '1.25rem', lineHeight: '1.3' },
      h3: { fontSize: '1rem', lineHeight: '1.4' },
    },
  },
  components: {
    TextInput: { defaultProps: { size: 'sm' } },
    Textarea: { defaultProps: { size: 'sm' } },
    Button: { defaultProps: { size: 'sm' } },
    Paper: { defaultProps: { radius: 'md' } },
    Notification: {
      defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss message' }, withBorder: true },
      styles: { description: { color: 'var(--mantine-color-gray-7)' } },
    },
  },
});

/**
 * Mantine's defaults for secondary text, placeholders and error text are too
 * pale for WCAG AA on white; these keep the same look with enough contrast.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#5c636a',
    '--mantine-color-placeholder': '#6b7280',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-body': '#ffffff',
    // Text on light yellow and orange (badges, alerts) is unreadable at Mantine's shade 9.
    '--mantine-color-yellow-light-color': '#6b4500',
    '--mantine-color-orange-light-color': '#9a3412',
  },
  dark: {},
});
