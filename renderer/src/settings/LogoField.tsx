import { Button, FileButton, Group, Image, Input, Text } from '@mantine/core';
import { useState } from 'react';
import { LOGO_MAX_BYTES, LOGO_TYPES, logoProblem } from '../../../shared/schemas/logo';

const readAsDataUrl = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });

interface Props {
  value: string | null;
  onChange: (value: string | null) => void;
  error?: string | undefined;
}

/** The clinic's logo: chosen from a file, checked as the server checks it, shown as it will print. */
export function LogoField({ value, onChange, error }: Props) {
  const [problem, setProblem] = useState<string | null>(null);
  const choose = async (file: File | null) => {
    if (!file) return;
    if (file.size > LOGO_MAX_BYTES) return setProblem(`The logo must be at most ${LOGO_MAX_BYTES / 1024} kB; this file is ${Math.ceil(file.size / 1024)} kB`);
    const url = await readAsDataUrl(file).catch(() => null);
    const why = url ? logoProblem(url) : 'The logo file could not be read';
    setProblem(why);
    if (!why) onChange(url);
  };
  const shown = problem ?? error;
  return (
    <Input.Wrapper
      label="Logo"
      description={`Optional. PNG, JPEG or SVG, at most ${LOGO_MAX_BYTES / 1024} kB. Printed at the top of every sheet. Default: none.`}
      error={shown}
      id="settings-logo"
    >
      <Group gap="md" mt={6} align="center">
        {value ? (
          <Image src={value} alt="Current clinic logo" h={48} w="auto" maw={180} fit="contain" data-testid="logo-preview" />
        ) : (
          <Text size="sm" c="dimmed">
            No logo
          </Text>
        )}
        <FileButton onChange={(f) => void choose(f)} accept={LOGO_TYPES.join(',')}>
          {(props) => (
            <Button variant="default" size="xs" {...props} aria-describedby={shown ? 'settings-logo-error' : undefined}>
              {value ? 'Replace logo' : 'Choose logo'}
            </Button>
          )}
        </FileButton>
        {value && (
          <Button variant="subtle" color="red" size="xs" onClick={() => { setProblem(null); onChange(null); }}>
            Remove logo
          </Button>
        )}
      </Group>
    </Input.Wrapper>
  );
}
