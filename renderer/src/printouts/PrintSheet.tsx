import type { ClinicDetails } from '../../../shared/printouts/input';
import type { Printout } from '../../../shared/printouts/model';
import { BlockView } from './blocks';

/** The clinic's letterhead: logo, name, address and phone; blank settings are simply left out. */
function Letterhead({ clinic }: { clinic: ClinicDetails }) {
  const contact = [clinic.clinicAddress, clinic.clinicPhone && `Phone ${clinic.clinicPhone}`].filter(Boolean).join(' · ');
  if (!clinic.clinicLogo && !clinic.clinicName && !contact) return null;
  return (
    <div className="kd-letterhead">
      {clinic.clinicLogo && <img className="kd-logo" src={clinic.clinicLogo} alt={clinic.clinicName ? `${clinic.clinicName} logo` : 'Clinic logo'} />}
      <div>
        {clinic.clinicName && <p className="kd-clinic-name">{clinic.clinicName}</p>}
        {contact && <p className="kd-clinic-contact">{contact}</p>}
      </div>
    </div>
  );
}

/** One printout, laid out for paper: letterhead, title, who and when, then its sections. */
export function PrintSheet({ printout, clinic }: { printout: Printout; clinic: ClinicDetails }) {
  return (
    <article className={`kd-sheet kd-paper-${clinic.paperSize}`} data-document={printout.document} aria-label={printout.title}>
      <header className="kd-sheet-header">
        <Letterhead clinic={clinic} />
        <h1 className="kd-title">{printout.title}</h1>
        <dl className="kd-facts">
          {printout.facts.map((f) => (
            <div key={f.label}>
              <dt>{f.label}</dt>
              <dd>{f.value}</dd>
            </div>
          ))}
        </dl>
      </header>
      {printout.sections.map((section) => (
        <section
          key={section.id}
          className={`kd-section kd-section-${section.id}${section.keepTogether ? ' kd-keep' : ''}`}
          aria-labelledby={`kd-h-${section.id}`}
        >
          <h2 id={`kd-h-${section.id}`}>{section.title}</h2>
          {section.blocks.map((block, i) => (
            <BlockView key={i} block={block} />
          ))}
        </section>
      ))}
      <footer className="kd-sheet-footer">{printout.running.footer}</footer>
    </article>
  );
}
