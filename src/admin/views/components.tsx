// Small pieces every page shares. Everything rendered here is escaped by hono/jsx.
import type { Child } from 'hono/jsx';
import type { RecruiterListing } from '../../library/recruiter-repository.js';
import { REASON_LABELS, STATUS_LABELS } from './format.js';

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

/** A one-button form for a state change (every change is a POST with the CSRF token). */
export function PostButton(props: {
  action: string;
  csrf: string;
  label: string;
  kind?: 'secondary' | 'danger' | 'link';
  fields?: Record<string, string>;
}) {
  return (
    <form method="post" action={props.action} class="inline">
      <CsrfField token={props.csrf} />
      {Object.entries(props.fields ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class={props.kind ?? ''}>
        {props.label}
      </button>
    </form>
  );
}

export function StatusBadge({ status }: { status: string }) {
  return <span class={`badge ${status}`}>{STATUS_LABELS[status] ?? status}</span>;
}

export function ReasonBadges({ codes }: { codes: readonly string[] }) {
  if (codes.length === 0) return null;
  return (
    <span class="reasons">
      {codes.map((code) => (
        <span class="badge warn">{REASON_LABELS[code] ?? code}</span>
      ))}
    </span>
  );
}

export function Card(props: { title?: string; class?: string; children?: Child }) {
  return (
    <section class={`card ${props.class ?? ''}`}>
      {props.title ? <h2>{props.title}</h2> : null}
      {props.children}
    </section>
  );
}

/** The recruiters as options of an owner select, by address, shown by name; `extra` adds choices after them. */
export function RecruiterOptions(props: {
  recruiters: readonly RecruiterListing[];
  selected: string | undefined;
  blank: string;
  extra?: Record<string, string>;
}) {
  const labels = { ...Object.fromEntries(props.recruiters.map((r) => [r.email, r.name || r.email])), ...props.extra };
  return <Options values={Object.keys(labels)} selected={props.selected} labels={labels} blank={props.blank} />;
}

/** A form's owner field: a recruiter, or none. */
export function OwnerField(props: { recruiters: readonly RecruiterListing[]; selected: string | null }) {
  return (
    <label class="field grow">
      Owner
      <select name="owner">
        <RecruiterOptions recruiters={props.recruiters} selected={props.selected ?? undefined} blank="No owner" />
      </select>
    </label>
  );
}

export function Options(props: {
  values: readonly string[];
  selected: string | undefined;
  labels?: Record<string, string>;
  blank?: string;
}) {
  return (
    <>
      {props.blank !== undefined ? <option value="">{props.blank}</option> : null}
      {props.values.map((value) => (
        <option value={value} selected={value === props.selected}>
          {props.labels?.[value] ?? value}
        </option>
      ))}
    </>
  );
}
