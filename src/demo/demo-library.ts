// The demo agency: what the sample CSVs cannot carry (the recruiters, and the feedback notes recorded with
// runner-up decisions, which `keepwarm candidate set --feedback-notes` records by hand), and where the files are.
import path from 'node:path';
import { PACKAGE_ROOT } from '../app/version.js';
import type { RecruiterInput } from '../library/add-recruiter.js';

/** The sample CSVs and .eml files, with dates written relative to the day the demo runs (see demo-dates.ts). */
export const DEMO_DATA_DIR = path.join(PACKAGE_ROOT, 'src', 'demo', 'data');

export const DEMO_AGENCY = 'Crestline Medical Search';
export const DEMO_TIMEZONE = 'America/New_York';
export const DEMO_LOG_ADDRESS = 'log@crestline.example';

export const DEMO_RECRUITERS: readonly RecruiterInput[] = [
  { email: 'priya.shah@crestline.example', name: 'Priya Shah' },
  // Marcus sends from an alias too: mail from it is still his.
  {
    email: 'marcus.bell@crestline.example',
    name: 'Marcus Bell',
    aliases: ['m.bell@crestline.example'],
    timezone: 'America/Chicago',
  },
  { email: 'elena.ruiz@crestline.example', name: 'Elena Ruiz', timezone: 'America/Denver' },
];

/** Whose digest the demo prints: Priya's week has one of everything. */
export const DEMO_DIGEST_RECRUITER = 'priya.shah@crestline.example';

export interface DemoFeedback {
  candidate: string;
  opening: string;
  client: string;
  notes: string;
}

export const DEMO_FEEDBACK: readonly DemoFeedback[] = [
  {
    candidate: 'sofia.marin@mail.example',
    opening: 'Cardiac Device Sales Representative',
    client: 'Veritas Cardio',
    notes:
      'Strengths: cath lab credibility with physicians, the best clinical answers of the finalists. ' +
      'To earn: a capital equipment sale of her own; Veritas chose the finalist who had carried a capital quota.',
  },
  {
    candidate: 'nina.alvarez@mail.example',
    opening: 'Cardiac Device Sales Representative',
    client: 'Veritas Cardio',
    notes: 'Strengths: value analysis committee experience. To earn: more time in the cath lab.',
  },
  {
    candidate: 'jordan.ames@mail.example',
    opening: 'Territory Manager, Orthopedics',
    client: 'Stryde Orthopedics',
    notes: 'Strengths: surgeon network, territory plan. To earn: OR case coverage; spine experience is rare, keep it.',
  },
];
