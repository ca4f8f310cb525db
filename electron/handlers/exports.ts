import { randomUUID } from 'node:crypto';
import type { Channel } from '../../shared/contract';
import { localIsoDate } from '../../shared/dates';
import { tableCsv } from '../../shared/export/tables';
import { clinicBundleText, patientBundleText } from '../../shared/fhir';
import { DomainError } from '../../shared/result';
import type { ExportFile } from '../../shared/schemas/export';
import { ExportReader } from '../../db/export-reader';
import { currentClinician, nowIso, type Handler, type RequestContext } from './context';

type ExportChannel = Extract<Channel, `export.${string}`>;

const safeName = (text: string) => text.replace(/[^A-Za-z0-9-]+/g, '_');

/**
 * Every export is audited (who, what, when): the file is read first, in one
 * read transaction (a consistent snapshot that does not hold up chair-side
 * writes, however long a clinic export takes), then logged; it is handed out
 * only once its row is in the log.
 */
function audited(ctx: RequestContext, entityId: string, kind: string, make: (at: string) => ExportFile): ExportFile {
  const at = nowIso(ctx);
  const by = currentClinician(ctx).id;
  const file = ctx.store.db.transaction(() => make(at)).deferred();
  ctx.store.write(() => ctx.store.audit.append({
    at, clinicianId: by, entity: 'export', entityId, action: kind, before: null,
    after: { fileName: file.fileName, mediaType: file.mediaType, characters: file.content.length },
  }));
  return file;
}

export const exportHandlers: { [C in ExportChannel]: Handler<C> } = {
  'export.fhirPatient': ({ patientId }, ctx) =>
    audited(ctx, patientId, 'fhir-patient', (at) => {
      const reader = new ExportReader(ctx.store.db);
      const records = reader.patient(patientId);
      if (!records) throw new DomainError('not-found', 'This patient does not exist.', 'patientId');
      return {
        fileName: `ketadesk-fhir-${safeName(records.patient.mrn)}-${localIsoDate(new Date(at))}.json`,
        mediaType: 'application/fhir+json',
        content: patientBundleText({ id: randomUUID(), timestamp: at }, records, reader.clinicians()),
      };
    }),
  'export.fhirClinic': (_, ctx) => {
    const id = randomUUID();
    return audited(ctx, id, 'fhir-clinic', (at) => {
      const reader = new ExportReader(ctx.store.db);
      return {
        fileName: `ketadesk-fhir-clinic-${localIsoDate(new Date(at))}.json`,
        mediaType: 'application/fhir+json',
        content: [...clinicBundleText({ id, timestamp: at }, reader.clinicians(), reader.chunks())].join(''),
      };
    });
  },
  'export.csv': ({ table }, ctx) =>
    audited(ctx, table, `csv-${table}`, (at) => ({
      fileName: `ketadesk-${table}-${localIsoDate(new Date(at))}.csv`,
      mediaType: 'text/csv',
      content: [...tableCsv(table, new ExportReader(ctx.store.db).chunks())].join(''),
    })),
};
