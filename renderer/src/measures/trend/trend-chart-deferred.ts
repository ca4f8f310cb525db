import { deferred } from '../../components/deferred';

/** The trend chart with its charting library, loaded as its own chunk when a chart is first shown. */
export const TrendChart = deferred(() => import('./TrendChart').then((m) => m.TrendChart), 'Loading the chart');
