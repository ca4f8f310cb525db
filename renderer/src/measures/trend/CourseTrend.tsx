import { Text } from '@mantine/core';
import { hasPoints } from '../../../../shared/measures';
import { CenteredLoader } from '../../components/CenteredLoader';
import { LoadError } from '../../components/LoadError';
import { TrendChart } from './trend-chart-deferred';
import { TrendSummary, TrendTable } from './TrendSummary';
import { useTrend } from './useTrend';

/**
 * The course at a glance for one patient: the summary in words, then the
 * chart. `small` is the session screen's version.
 */
export function CourseTrend({ patientId, size = 'full' }: { patientId: string; size?: 'full' | 'small' }) {
  const load = useTrend(patientId);
  if (load.state === 'loading') return <CenteredLoader label="Loading the trend" />;
  if (load.state === 'failed') return <LoadError title="The PHQ-9 and GAD-7 trend could not be loaded" error={load.error} onRetry={load.retry} />;
  const { trend } = load;
  if (!hasPoints(trend)) {
    return (
      <Text size="sm" c="gray.7" data-testid="trend-empty">
        No complete PHQ-9 or GAD-7 yet. The trend starts with the first complete one, the baseline.
      </Text>
    );
  }
  return (
    <div data-testid={`course-trend-${size}`}>
      <TrendSummary trend={trend} small={size === 'small'} />
      <TrendChart trend={trend} size={size} />
      <TrendTable trend={trend} />
    </div>
  );
}
