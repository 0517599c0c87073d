// A small medical-sales agency as the admin page sees it on Wednesday 5 June 2024: two recruiters, a dozen
// candidates with a year of mail, decisions with feedback notes, openings, triage entries and mailbox
// positions. Mail that tries to run script (XSS) sits in subjects, snippets and file names on purpose.
import type { Kysely } from 'kysely';
import type { CandidateStatus, Database, Direction, InteractionKind } from '../../src/db/schema.js';
import { addressKey } from '../../src/core/email-address.js';
import { skillKey } from '../../src/core/library-fields.js';

export const XSS = '<img src=x onerror=alert(1)>';
const NOW = Date.parse('2024-06-05T14:00:00.000Z');
const daysAgo = (days: number, hour = 15): string =>
  new Date(NOW - days * 86_400_000 + (hour - 14) * 3_600_000).toISOString();

interface Person {
  name: string;
  email: string;
  status?: CandidateStatus;
  owner: 'alice' | 'ben';
  skills: string[];
  mail: [days: number, direction: Direction, subject: string, kind?: InteractionKind, snippet?: string][];
  runnerUp?: { opening: string; decidedDaysAgo: number; notes: string };
}

const PEOPLE: Person[] = [
  {
    name: 'Jane Roe',
    email: 'jane.roe@example.com',
    owner: 'alice',
    skills: ['Oncology', 'CRM', 'Key accounts'],
    runnerUp: {
      opening: 'Oncology Sales Specialist',
      decidedDaysAgo: 200,
      notes: 'Strong clinical knowledge; build hospital formulary experience.',
    },
    mail: [
      [190, 'outbound', 'Feedback on the Oncology role'],
      [188, 'inbound', 'Re: Feedback on the Oncology role'],
      [120, 'outbound', 'Checking in'],
      [118, 'inbound', 'Re: Checking in', 'auto_reply', 'I am out of the office until Monday.'],
      [60, 'outbound', 'New openings in your area'],
      [58, 'inbound', XSS, 'personal', `${XSS} Thanks, I finished my certification!`],
      [20, 'outbound', 'Congratulations!'],
    ],
  },
  {
    name: 'Priya Shah',
    email: 'priya.shah@example.com',
    owner: 'alice',
    skills: ['Cardiology', 'Territory planning'],
    mail: [
      [300, 'outbound', 'Great to meet you'],
      [240, 'outbound', 'Quarterly check-in'],
      [238, 'inbound', 'Re: Quarterly check-in'],
      [6, 'inbound', `Question about ${XSS}`, 'personal', 'Is the Boston role still open?'],
    ],
  },
  {
    name: 'Omar Haddad',
    email: 'omar.haddad@example.com',
    owner: 'alice',
    skills: ['Oncology', 'CRM'],
    runnerUp: {
      opening: 'Oncology Sales Specialist',
      decidedDaysAgo: 5,
      notes: 'Excellent presentation; needs more oncology product depth.',
    },
    mail: [
      [30, 'outbound', 'Interview next week'],
      [29, 'inbound', 'Re: Interview next week'],
    ],
  },
  {
    name: 'José Núñez',
    email: 'jose.nunez@example.com',
    owner: 'alice',
    status: 'placed_elsewhere',
    skills: ['Diagnostics'],
    mail: [
      [150, 'inbound', 'I accepted another offer'],
      [149, 'outbound', 'Congratulations and keep in touch'],
    ],
  },
  {
    name: 'Grace Lee',
    email: 'grace.lee@example.com',
    owner: 'ben',
    skills: ['Medical devices', 'CRM', 'Oncology'],
    mail: [
      [95, 'outbound', 'Checking in'],
      [80, 'outbound', 'Following up'],
      [40, 'outbound', 'One more thing'],
    ],
  },
  {
    name: 'Kevin Brown',
    email: 'kevin.brown@example.com',
    owner: 'ben',
    skills: ['Orthopedics'],
    mail: [
      [70, 'outbound', 'Checking in'],
      [69, 'inbound', 'Delivery Status Notification (Failure)', 'bounce'],
    ],
  },
  {
    name: 'Aisha Khan',
    email: 'aisha.khan@example.com',
    owner: 'ben',
    status: 'active',
    skills: ['Neurology', 'Key accounts'],
    mail: [
      [10, 'outbound', 'Next steps'],
      [9, 'inbound', 'Re: Next steps'],
    ],
  },
  {
    name: 'Derek Miles',
    email: 'derek.miles@example.com',
    owner: 'ben',
    skills: ['Dermatology'],
    mail: [
      [15, 'outbound', 'Checking in'],
      [3, 'inbound', 'Please remove me from your list', 'personal', 'Please stop emailing me.'],
    ],
  },
  {
    name: 'Hannah Wu',
    email: 'hannah.wu@example.com',
    owner: 'alice',
    status: 'archived',
    skills: ['Cardiology'],
    mail: [],
  },
  {
    name: 'Ravi Patel',
    email: 'ravi.patel@example.com',
    owner: 'alice',
    skills: ['Diabetes care', 'CRM'],
    mail: [
      [45, 'outbound', 'Checking in'],
      [44, 'inbound', 'Out of office', 'auto_reply'],
    ],
  },
  {
    name: 'Lena Fischer',
    email: 'lena.fischer@example.com',
    owner: 'ben',
    skills: ['Oncology'],
    mail: [
      [250, 'outbound', 'Welcome'],
      [2, 'outbound', 'Newsletter: June roles', 'bulk'],
    ],
  },
  {
    name: 'Tomás Ortega',
    email: 'tomas.ortega@example.com',
    owner: 'alice',
    skills: ['Medical devices'],
    mail: [
      [12, 'inbound', 'Coffee next week?'],
      [11, 'outbound', 'Re: Coffee next week?'],
    ],
  },
];

let key = 0;

export async function seedAdminWorld(db: Kysely<Database>): Promise<void> {
  const recruiter = async (email: string, name: string): Promise<number> =>
    (
      await db
        .insertInto('recruiters')
        .values({ email, name, timezone: 'America/New_York' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const owners = {
    alice: await recruiter('alice@agency.example', 'Alice Archer'),
    ben: await recruiter('ben@agency.example', 'Ben Cole'),
  };
  const opening = async (
    title: string,
    client: string,
    days: number,
    skills: string[],
    status: 'open' | 'filled' | 'closed' = 'open',
  ): Promise<number> => {
    const { id } = await db
      .insertInto('openings')
      .values({ title, client, opened_at: daysAgo(days), status, owner_recruiter_id: owners.alice })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const skill of skills)
      await db
        .insertInto('opening_skills')
        .values({ opening_id: id, skill, skill_key: skillKey(skill) })
        .execute();
    return id;
  };
  const openings = new Map<string, number>([
    [
      'Oncology Sales Specialist',
      await opening('Oncology Sales Specialist', 'Northwind Pharma', 220, ['Oncology', 'CRM'], 'filled'),
    ],
    [
      'Key Account Manager',
      await opening('Key Account Manager', 'Contoso Health', 8, ['Key accounts', 'Neurology', 'CRM']),
    ],
  ]);
  await opening('Cardiology Rep', 'Fabrikam Medical', 40, ['Cardiology'], 'closed');

  for (const person of PEOPLE) {
    const { id } = await db
      .insertInto('candidates')
      .values({
        name: person.name,
        status: person.status ?? 'runner_up',
        owner_recruiter_id: owners[person.owner],
        created_at: daysAgo(320),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('candidate_emails')
      .values({
        candidate_id: id,
        email: person.email,
        email_key: addressKey(person.email) ?? person.email,
        is_primary: 1,
      })
      .execute();
    for (const skill of person.skills)
      await db
        .insertInto('candidate_skills')
        .values({ candidate_id: id, skill, skill_key: skillKey(skill) })
        .execute();
    if (person.runnerUp) {
      const openingId = openings.get(person.runnerUp.opening) ?? 0;
      await db
        .insertInto('outcomes')
        .values({
          candidate_id: id,
          opening_id: openingId,
          stage: 'runner_up',
          decided_at: daysAgo(person.runnerUp.decidedDaysAgo),
          feedback_notes: person.runnerUp.notes,
        })
        .execute();
    }
    for (const [days, direction, subject, kind = 'personal', snippet] of person.mail) {
      const interaction = await db
        .insertInto('interactions')
        .values({
          candidate_id: id,
          recruiter_id: owners[person.owner],
          message_key: `world-${++key}@example.com`,
          direction,
          kind,
          occurred_at: daysAgo(days),
          subject,
          snippet:
            snippet ??
            (direction === 'outbound'
              ? 'Hope you are well. No role to offer right now, but I wanted to check in.'
              : 'Thanks for reaching out!'),
          attachment_names: subject === XSS ? JSON.stringify([`${XSS}.pdf`]) : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('interaction_sources')
        .values({ interaction_id: interaction.id, mailbox: 'log', folder: 'INBOX', uidvalidity: '7', uid: String(key) })
        .execute();
      if (subject.startsWith('Please remove me')) {
        await db
          .insertInto('interaction_signals')
          .values({ interaction_id: interaction.id, code: 'opt_out', text: 'Please stop emailing me.' })
          .execute();
        await db
          .updateTable('candidates')
          .set({
            status: 'do_not_contact',
            previous_status: 'runner_up',
            opt_out_interaction_id: interaction.id,
            opt_out_detected_at: daysAgo(days),
          })
          .where('id', '=', id)
          .execute();
      }
      if (subject === XSS)
        await db
          .insertInto('interaction_signals')
          .values({
            interaction_id: interaction.id,
            code: 'life_event',
            category: 'credential',
            text: `${XSS} I finished my certification!`,
          })
          .execute();
    }
  }

  await db
    .insertInto('unmatched_addresses')
    .values([
      {
        email: 'stranger@elsewhere.example',
        email_key: 'stranger@elsewhere.example',
        display_name: 'Sam Stranger',
        recruiter_id: owners.alice,
        message_count: 3,
        last_seen_at: daysAgo(1),
      },
      {
        email: 'maria.gomez@example.com',
        email_key: 'maria.gomez@example.com',
        display_name: `Maria ${XSS}`,
        recruiter_id: owners.ben,
        message_count: 1,
        last_seen_at: daysAgo(4),
      },
    ])
    .execute();
  await db
    .insertInto('quarantine')
    .values({
      mailbox: 'log',
      folder: 'INBOX',
      uidvalidity: '7',
      uid: '901',
      sender: 'alice@agency.example',
      subject: `Fwd: ${XSS}`,
      reason: 'sender_not_verified',
      detail: 'no dmarc=pass from mx.agency.example',
      created_at: daysAgo(2),
      updated_at: daysAgo(2),
    })
    .execute();
  await db
    .insertInto('mailbox_positions')
    .values([
      {
        mailbox: 'log',
        folder: 'INBOX',
        uidvalidity: '7',
        last_uid: 1204,
        last_sync_at: daysAgo(0, 13),
        last_success_at: daysAgo(0, 13),
      },
      {
        mailbox: 'alice',
        folder: 'Sent',
        uidvalidity: '3',
        last_uid: 88,
        last_sync_at: daysAgo(0, 13),
        last_success_at: daysAgo(3),
        last_error: 'authentication failed',
        last_error_code: 'imap_auth',
        last_error_at: daysAgo(0, 13),
      },
    ])
    .execute();
}
