// Many auto-replies carry no RFC 3834 header at all (older Exchange, webmail vacation settings); their
// subject is the only sign. Matched at the start only: "Re: out of office?" is a person writing.
import { compilePhrase } from './phrase-match.js';

const DEFAULT_OUT_OF_OFFICE_SUBJECTS: readonly RegExp[] = [
  /^out of (?:the )?office\b/i,
  /^(?:automatic|auto)[- ]?(?:reply|response)\b/i,
  /^autoreply\b/i,
  /^ooo\s*:/i,
  /^abwesenheitsnotiz\b/i,
  /^automatische antwort\b/i,
  /^abwesend\b/i,
  /^r[ée]ponse automatique\b/i,
  /^absen(?:ce|t|te)\s+du\s+bureau\b/i,
  /^absence\s*:/i,
  /^respuesta autom[áa]tica\b/i,
  /^fuera de la oficina\b/i,
  /^risposta automatica\b/i,
  /^fuori sede\b/i,
  /^fuori ufficio\b/i,
  /^automatisch antwoord\b/i,
  /^afwezig\b/i,
  /^resposta autom[áa]tica\b/i,
  /^autosvar\b/i,
  /^automaattinen vastaus\b/i,
  /^odpowied[źz] automatyczna\b/i,
];

// Gateways prefix "[EXT]" and the like before the client's own words.
const TAG = /^(?:\[[^\]]{1,20}\]\s*)+/;

/** True when the subject opens like an out-of-office reply, in the default languages or a configured phrase. */
export function isOutOfOfficeSubject(subject: string, extra: readonly string[] = []): boolean {
  const s = subject.replace(/\s+/g, ' ').trim().replace(TAG, '');
  if (DEFAULT_OUT_OF_OFFICE_SUBJECTS.some((re) => re.test(s))) return true;
  return extra.some((phrase) => compilePhrase(phrase).exec(s)?.index === 0);
}
