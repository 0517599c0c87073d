// A candidate's logged mail, oldest first, each with what was noticed in it (signals) and every mailbox folder
// it was seen in (sources). Written by the mail sync; read here by `candidates show` and the data export.
import type { Kysely } from 'kysely';
import type { Database, Interaction, InteractionSignal, InteractionSource } from '../db/schema.js';
import { chunks } from './candidate-state.js';

export interface InteractionRecord {
  interaction: Interaction;
  signals: InteractionSignal[];
  sources: InteractionSource[];
}

export async function loadInteractionRecords(db: Kysely<Database>, candidateId: number): Promise<InteractionRecord[]> {
  const interactions = await db
    .selectFrom('interactions')
    .selectAll()
    .where('candidate_id', '=', candidateId)
    .orderBy('occurred_at')
    .orderBy('id')
    .execute();
  const records = new Map(
    interactions.map((interaction) => [interaction.id, { interaction, signals: [], sources: [] } as InteractionRecord]),
  );
  for (const ids of chunks([...records.keys()])) {
    const signals = await db
      .selectFrom('interaction_signals')
      .selectAll()
      .where('interaction_id', 'in', ids)
      .orderBy('id')
      .execute();
    for (const signal of signals) records.get(signal.interaction_id)?.signals.push(signal);
    const sources = await db
      .selectFrom('interaction_sources')
      .selectAll()
      .where('interaction_id', 'in', ids)
      .orderBy('id')
      .execute();
    for (const source of sources) records.get(source.interaction_id)?.sources.push(source);
  }
  return [...records.values()];
}
