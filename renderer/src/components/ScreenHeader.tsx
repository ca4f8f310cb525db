import { Anchor, Box, Breadcrumbs, Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useNavigation, type Route } from '../app/navigation';

export interface Crumb {
  label: string;
  route?: Route;
}

interface Props {
  /** Where this screen sits; the last crumb is the screen itself. */
  crumbs: Crumb[];
  title: ReactNode;
  /** Shown beside the title, e.g. a preferred name. */
  subtitle?: ReactNode;
  actions?: ReactNode;
}

/** Breadcrumb trail, screen title (the page's one h1) and the screen's main actions. */
export function ScreenHeader({ crumbs, title, subtitle, actions }: Props) {
  const { navigate } = useNavigation();
  return (
    <Box mb="md">
      {crumbs.length > 1 && (
        <Box component="nav" aria-label="Breadcrumb" mb={4}>
          <Breadcrumbs separator="›" separatorMargin={6} fz="sm">
            {crumbs.map((crumb, i) =>
              crumb.route && i < crumbs.length - 1 ? (
                <Anchor key={crumb.label} component="button" type="button" fz="sm" onClick={() => navigate(crumb.route!)}>
                  {crumb.label}
                </Anchor>
              ) : (
                <Text key={crumb.label} fz="sm" c="dimmed" aria-current="page">
                  {crumb.label}
                </Text>
              ),
            )}
          </Breadcrumbs>
        </Box>
      )}
      <Group justify="space-between" align="center" wrap="nowrap" gap="md">
        <Group gap="sm" align="baseline" wrap="nowrap" miw={0}>
          <Title order={1}>{title}</Title>
          {subtitle}
        </Group>
        {actions && (
          <Group gap="xs" wrap="nowrap">
            {actions}
          </Group>
        )}
      </Group>
    </Box>
  );
}
