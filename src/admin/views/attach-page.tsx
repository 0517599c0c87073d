// "Add to a candidate…": find the person an unmatched address belongs to, then add it to them.
import type { CandidateSummary } from '../../library/candidate-search.js';
import type { UnmatchedEntry } from '../../library/triage-queue.js';
import { PostButton } from './components.js';

export function AttachPage(props: { entry: UnmatchedEntry; q: string; found: CandidateSummary[]; csrf: string }) {
  const { entry } = props;
  return (
    <>
      <p class="hint">
        <a href="/triage">← Triage</a>
      </p>
      <section class="card">
        <h1>Whose address is {entry.email}?</h1>
        <form method="get" action={`/triage/unmatched/${entry.id}/attach`} class="filters" role="search">
          <label class="grow">
            Search the library
            <input type="search" name="q" value={props.q} placeholder="Name, address or skill" maxlength={200} />
          </label>
          <button type="submit">Search</button>
        </form>
      </section>
      {props.q ? (
        <section class="card">
          {props.found.length === 0 ? (
            <p class="empty">Nobody matches “{props.q}”.</p>
          ) : (
            <table>
              <tbody>
                {props.found.map((c) => (
                  <tr>
                    <td class="name-cell">
                      <a href={`/candidates/${c.id}`}>{c.name}</a>
                      <span class="sub">{c.primaryEmail ?? ''}</span>
                    </td>
                    <td>
                      <PostButton
                        action={`/triage/unmatched/${entry.id}/attach`}
                        csrf={props.csrf}
                        label={`Add to ${c.name}`}
                        fields={{ candidateId: String(c.id) }}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ) : null}
    </>
  );
}
