import { shaded } from '../../../shared/printouts/frequency';
import { BLOCKS, STRIP } from '../../../shared/printouts/icon-array';
import type { Block, Comparison, Effects } from '../../../shared/printouts/model';
import { citeLabel, type Cite } from '../../../shared/printouts/sources';
import { IconArray, NONE_STYLE, type PartStyle } from './IconArray';
import { TrendPlot } from './TrendPlot';

// One React component per kind of block of the content model. Layout and
// print rules live in printout.css; nothing here knows which sheet it is on.

const HELPED: PartStyle = { fill: '#1f7c88' };
const ANYWAY: PartStyle = { fill: '#3f4a55' };
const EXTRA: PartStyle = { fill: '#e8913f' };

function Cites({ cites }: { cites?: Cite[] | undefined }) {
  if (!cites?.length) return null;
  return <span className="kd-cite"> [{citeLabel(cites)}]</span>;
}

function Swatch({ style }: { style: PartStyle }) {
  return (
    <svg className="kd-swatch" viewBox="0 0 10 22" aria-hidden="true">
      <g fill={style.fill} stroke={style.stroke ?? 'none'} strokeWidth={style.stroke ? 1 : 0}>
        <circle cx="5" cy="4" r="3.5" />
        <path d="M0.9 21.3 V12.6 Q0.9 8.7 5 8.7 Q9.1 8.7 9.1 12.6 V21.3 Z" />
      </g>
    </svg>
  );
}

function ComparisonView({ block }: { block: Comparison }) {
  return (
    <div className="kd-comparison">
      <div className="kd-comparison-arms">
        {block.arms.map((arm) => (
          <figure key={arm.label} className="kd-arm">
            <figcaption className="kd-arm-label">{arm.label}</figcaption>
            <IconArray
              shape={BLOCKS}
              parts={[{ part: 'helped', count: shaded(arm.value) }]}
              styles={{ helped: HELPED }}
              label={arm.sentence}
              widthMm={66}
            />
            <p className="kd-arm-sentence">{arm.sentence}</p>
          </figure>
        ))}
      </div>
      <p className="kd-legend">
        <Swatch style={HELPED} /> {block.outcome} <Swatch style={NONE_STYLE} /> did not
        <span className="kd-legend-note"> · Each figure is 1 person out of 100.</span>
        <Cites cites={block.cites} />
      </p>
    </div>
  );
}

function EffectsView({ block }: { block: Effects }) {
  return (
    <div className="kd-effects">
      <table className="kd-effects-table">
        <caption className="kd-legend">
          Each figure is 1 person out of 100 who had {block.treatedLabel}:
          <Swatch style={ANYWAY} /> also had it with {block.comparatorLabel}
          <Swatch style={EXTRA} /> extra people who had it with {block.treatedLabel}
          <Swatch style={NONE_STYLE} /> did not have it
          <Cites cites={block.cites} />
        </caption>
        <thead>
          <tr>
            <th scope="col">Side effect</th>
            <th scope="col">Out of 100 people who had {block.treatedLabel}</th>
            <th scope="col" className="kd-num">{block.columns.had}</th>
            <th scope="col" className="kd-num">{block.columns.didNot}</th>
            <th scope="col" className="kd-num">{block.columns.comparator}</th>
          </tr>
        </thead>
        <tbody>
          {block.rows.map((row) => {
            const treated = shaded(row.effect.treated);
            const anyway = Math.min(shaded(row.effect.placebo), treated);
            return (
              <tr key={row.effect.id}>
                <th scope="row" className="kd-effect-name">{row.name}</th>
                <td className="kd-effect-array">
                  <IconArray
                    shape={STRIP}
                    parts={[{ part: 'anyway', count: anyway }, { part: 'extra', count: treated - anyway }]}
                    styles={{ anyway: ANYWAY, extra: EXTRA }}
                    label={`${row.name}: ${row.sentence}`}
                    widthMm={68}
                  />
                </td>
                <td className="kd-num kd-had">{row.had}</td>
                <td className="kd-num">{row.didNot}</td>
                <td className="kd-num">{row.comparator}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

// A span may carry a label only with a role: an image of a line, to screen readers.
const Line = () => <span className="kd-line" role="img" aria-label="blank, to fill in" />;

export function BlockView({ block }: { block: Block }) {
  switch (block.kind) {
    case 'paragraph':
      return (
        <p className={block.strong ? 'kd-para kd-strong' : 'kd-para'}>
          {block.text}
          <Cites cites={block.cites} />
        </p>
      );
    case 'list':
      return (
        <ul className={['kd-list', block.tickBoxes && 'kd-ticks', block.twoColumns && 'kd-two-columns'].filter(Boolean).join(' ')}>
          {block.items.map((item) => (
            <li key={item.text} className={item.state ? `kd-${item.state}` : undefined}>
              {item.state && <span className="kd-visually-hidden">{item.state === 'met' ? 'Met: ' : 'Not met: '}</span>}
              {item.text}
              <Cites cites={item.cites} />
            </li>
          ))}
        </ul>
      );
    case 'comparison':
      return <ComparisonView block={block} />;
    case 'effects':
      return <EffectsView block={block} />;
    case 'contacts':
      return (
        <dl className="kd-contacts">
          {block.contacts.map((c) => (
            <div key={c.label} className={c.strong ? 'kd-contact kd-strong' : 'kd-contact'}>
              <dt>{c.label}</dt>
              <dd>{c.value ?? <Line />}</dd>
            </div>
          ))}
        </dl>
      );
    case 'fields':
      return (
        <dl className="kd-fields">
          {block.fields.map((f, i) => (
            <div key={`${f.label}-${i}`} className={f.wide ? 'kd-field kd-wide' : 'kd-field'}>
              <dt>{f.label}</dt>
              <dd>{f.value ?? <Line />}</dd>
            </div>
          ))}
        </dl>
      );
    case 'signatures':
      return (
        <div className="kd-signatures">
          {block.signers.map((s) => (
            <div key={s.role} className="kd-signer">
              <p className="kd-signer-role">{s.role}</p>
              <dl className="kd-fields">
                <div className="kd-field">
                  <dt>Name</dt>
                  <dd>{s.name ?? <Line />}</dd>
                </div>
                <div className="kd-field kd-sign">
                  <dt>Signature</dt>
                  <dd>
                    <Line />
                  </dd>
                </div>
                <div className="kd-field kd-date">
                  <dt>Date</dt>
                  <dd>
                    <Line />
                  </dd>
                </div>
                <div className="kd-field kd-time">
                  <dt>Time</dt>
                  <dd>
                    <Line />
                  </dd>
                </div>
              </dl>
            </div>
          ))}
        </div>
      );
    case 'table':
      return (
        <table className="kd-record-table">
          <caption>{block.caption}</caption>
          <colgroup>
            {block.columns.map((c) => (
              <col key={c.label} style={c.width ? { width: `${c.width}%` } : undefined} />
            ))}
          </colgroup>
          <thead>
            <tr>
              {block.columns.map((c) => (
                <th key={c.label} scope="col">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) => (j === 0 ? <th key={j} scope="row">{cell}</th> : <td key={j}>{cell}</td>))}
              </tr>
            ))}
            {Array.from({ length: block.blankRows }, (_, i) => (
              <tr key={`blank-${i}`} className="kd-blank-row">
                {block.columns.map((c, j) => (j === 0 ? <th key={c.label} scope="row" /> : <td key={c.label} />))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'trend':
      return <TrendPlot block={block} />;
    case 'sources':
      return (
        <ul className="kd-sources">
          {block.sources.map((s) => (
            <li key={s.id}>
              <span className="kd-source-id">{s.id}.</span> {s.text}
            </li>
          ))}
        </ul>
      );
  }
}
