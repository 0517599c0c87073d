// Trigram indexes over candidates' names and addresses, so the admin page's search ("roe", "jane.r",
// "Nunez") is an index lookup instead of a LIKE scan of 100,000 names and addresses. One row per name
// (rowid = candidates.id) and one per address (rowid = candidate_emails.id), so adding a person or an address
// is a plain insert. Contentless (the text lives only in its own table) with FTS5 secure-delete on, so an
// erased person's trigrams leave the index at once; triggers keep both exact for every writer. Frozen once landed.
import { sql, type Kysely } from 'kysely';

const INDEXES = [
  { table: 'candidate_name_search', source: 'candidates', column: 'name' },
  { table: 'candidate_email_search', source: 'candidate_emails', column: 'email' },
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const { table, source, column } of INDEXES) {
    await sql
      .raw(
        `create virtual table ${table} using fts5(text, content='', contentless_delete=1, tokenize='trigram remove_diacritics 1')`,
      )
      .execute(db);
    await sql.raw(`insert into ${table} (${table}, rank) values ('secure-delete', 1)`).execute(db);
    await sql.raw(`insert into ${table} (rowid, text) select id, ${column} from ${source}`).execute(db);
    const triggers: [event: string, body: string][] = [
      [`after insert on ${source}`, `insert into ${table} (rowid, text) values (new.id, new.${column});`],
      [
        `after update of ${column} on ${source}`,
        `delete from ${table} where rowid = old.id; insert into ${table} (rowid, text) values (new.id, new.${column});`,
      ],
      [`after delete on ${source}`, `delete from ${table} where rowid = old.id;`],
    ];
    for (const [event, body] of triggers) {
      const name = `${table}_${event.split(' ')[1]}`;
      await sql.raw(`create trigger ${name} ${event} begin ${body} end`).execute(db);
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const { table } of INDEXES) {
    for (const event of ['insert', 'update', 'delete'])
      await sql.raw(`drop trigger if exists ${table}_${event}`).execute(db);
    await sql.raw(`drop table if exists ${table}`).execute(db);
  }
}
