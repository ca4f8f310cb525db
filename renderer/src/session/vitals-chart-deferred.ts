import { deferred } from '../components/deferred';

/** The vitals chart with its charting library, loaded as its own chunk when a chart is first shown. */
export const VitalsChart = deferred(() => import('./VitalsChart').then((m) => m.VitalsChart), 'Loading the chart');
