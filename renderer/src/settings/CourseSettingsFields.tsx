import { NumberInput, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { ReactNode } from 'react';
import { COURSE_SETTING_DEFAULTS, COURSE_SETTING_INFO, type CourseSettingKey } from '../../../shared/course/settings';
import { describeSetting } from './SessionSettingsFields';

const NUMBER_KEYS = [
  'ketamineInductionSessions', 'ketamineInductionSpanDays', 'courseMinDaysBetweenSessions', 'courseEarlyToleranceDays', 'courseOverdueAfterDays',
] as const satisfies readonly CourseSettingKey[];

const describe = (key: CourseSettingKey) => describeSetting(key, COURSE_SETTING_DEFAULTS[key], COURSE_SETTING_INFO[key]);

/**
 * Treatment courses (issue #12 point 3): the IV/IM ketamine induction a new
 * course is planned with, the spacing and overdue rules, and whether nurses
 * may decide the milder pre-dose concerns. The esketamine schedule is the
 * label's and not a setting. A change needs a reason, like a session threshold.
 */
export function CourseSettingsFields<V extends Record<CourseSettingKey, unknown>>({ form }: { form: UseFormReturnType<V> }) {
  const error = (key: CourseSettingKey) => form.getInputProps(key).error as ReactNode;
  return (
    <Stack gap="sm" component="section" aria-labelledby="course-settings-title" data-testid="course-settings">
      <div>
        <Title order={2} size="h3" id="course-settings-title">
          Treatment courses
        </Title>
        <Text size="sm" c="dimmed">
          Esketamine courses follow the label’s schedule. The clinical reference gives no IV or IM ketamine induction and no spacing or
          overdue rule, so these are clinic defaults for the clinic to confirm. A new course starts with them; the prescriber can change its plan.
        </Text>
      </div>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
        {NUMBER_KEYS.map((key) => {
          const info = COURSE_SETTING_INFO[key];
          return (
            <NumberInput
              key={key}
              id={`settings-${key}`}
              // "induction sessions (sessions)" would say it twice.
              label={info.label.endsWith(info.unit) ? info.label : `${info.label} (${info.unit})`}
              description={describe(key)}
              allowNegative={false}
              allowDecimal={false}
              clampBehavior="none"
              {...form.getInputProps(key)}
            />
          );
        })}
      </SimpleGrid>
      <Switch
        id="settings-nursesDecideMilderConcerns"
        label={COURSE_SETTING_INFO.nursesDecideMilderConcerns.label}
        description={`${describe('nursesDecideMilderConcerns')} Concerns the rules leave to a prescriber stay a prescriber’s decision.`}
        checked={Boolean(form.getValues().nursesDecideMilderConcerns)}
        onChange={(e) => form.setFieldValue('nursesDecideMilderConcerns', e.currentTarget.checked as never)}
        error={error('nursesDecideMilderConcerns')}
      />
    </Stack>
  );
}
