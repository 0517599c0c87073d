// One candidate: who they are, why the digest lists them, the year of contact at a glance, every logged mail,
// and the forms to change them. Export and erase (GDPR requests) sit at the bottom, erase behind a second page.
import type { RecruiterListing } from '../../library/recruiter-repository.js';
import type { CandidatePageData } from '../candidate-page-data.js';
import type { DueCandidate } from '../due-snapshot.js';
import { CandidateTimeline } from './candidate-timeline.js';
import { AddressesCard, OptOutNotice, OutcomesCard, ProfileForm, SnoozeForm } from './candidate-forms.js';
import { Card, ReasonBadges, StatusBadge } from './components.js';
import { ContactStrip } from './contact-strip.js';
import { formatDay, relativeDays } from './format.js';

export interface CandidatePageProps {
  data: CandidatePageData;
  due: DueCandidate | null;
  recruiters: RecruiterListing[];
  csrf: string;
  zone: string;
  now: Date;
}

export function CandidatePage(props: CandidatePageProps) {
  const { data, zone, now } = props;
  const { profile } = data;
  const forms = { data, csrf: props.csrf, zone, now };
  return (
    <>
      <div class="page-head">
        <div>
          <p class="hint">
            <a href="/candidates">← Candidates</a>
          </p>
          <h1>{profile.name}</h1>
          <div class="meta">
            <StatusBadge status={profile.status} />
            <span>{data.primaryEmail ?? 'no address'}</span>
            <span>· owner {profile.owner ?? 'none'}</span>
            <span>· last contact {relativeDays(data.lastContactAt, now, zone)}</span>
          </div>
        </div>
        <div class="actions">
          <a class="button secondary" href={`/candidates/${data.id}/export.json`}>
            Export data (JSON)
          </a>
        </div>
      </div>
      <OptOutNotice {...forms} />
      {props.due ? (
        <section class="card">
          <h2>In this week's digest</h2>
          <ReasonBadges codes={props.due.codes} />
          {props.due.overdueDays > 0 ? <p class="muted">Check-in {props.due.overdueDays} days overdue.</p> : null}
        </section>
      ) : null}
      <Card title="The last twelve months">
        <ContactStrip timeline={data.timeline} now={now} zone={zone} />
        <div class="legend">
          <span>
            <span class="swatch out" />
            To them (above the line)
          </span>
          <span>
            <span class="swatch from" />
            From them (below)
          </span>
          <span>
            <span class="swatch hollow" />
            Auto-replies, bulk mail, bounces
          </span>
        </div>
      </Card>
      <div class="grid grid-2">
        <div>
          <Card title="Profile">
            <dl class="facts">
              <dt>Skills</dt>
              <dd>{profile.skills.join(', ') || '—'}</dd>
              <dt>Cadence</dt>
              <dd>
                {profile.cadenceDays === null ? 'the default for their status' : `every ${profile.cadenceDays} days`}
              </dd>
              <dt>Snoozed</dt>
              <dd>
                {profile.snoozedUntil && profile.snoozedUntil > now.toISOString()
                  ? `until ${formatDay(profile.snoozedUntil, zone)}`
                  : 'no'}
              </dd>
              <dt>Notes</dt>
              <dd class="snippet">{profile.notes ?? '—'}</dd>
            </dl>
          </Card>
          <AddressesCard {...forms} />
          <OutcomesCard {...forms} />
        </div>
        <div>
          <SnoozeForm {...forms} />
          <ProfileForm {...forms} recruiters={props.recruiters} />
        </div>
      </div>
      <Card title={`Mail (${data.timeline.length})`}>
        <CandidateTimeline timeline={data.timeline} zone={zone} />
      </Card>
      <section class="card danger-zone">
        <h2>Erase</h2>
        <p class="muted">
          On their request: removes the person and all their logged mail; a hashed entry keeps a later sync from
          bringing them back.
        </p>
        <a class="button secondary" href={`/candidates/${data.id}/erase`}>
          Erase {profile.name}…
        </a>
      </section>
    </>
  );
}
