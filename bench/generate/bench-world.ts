// Who is who in the benchmark data: the mailbox generator and the library generator agree on these, so
// the mail's candidates are people in the library and the recruiters are keepwarm's recruiters.
export const ALICE = 'alice@agency.example';
export const BOB = 'bob@agency.example';
export const LOG = 'log@agency.example';
export const PASSWORD = 'bench-password-1';

/** Recruiters of the generated library: Alice and Bob, then r3..rN. */
export function recruiterAddress(n: number): string {
  return n === 1 ? ALICE : n === 2 ? BOB : `r${n}@agency.example`;
}

export function recruiterName(n: number): string {
  return n === 1 ? 'Alice Smith' : n === 2 ? 'Bob Jones' : `Recruiter ${n}`;
}

export const RECRUITER_COUNT = 20;

const FIRST = [
  'Jane',
  'Omar',
  'Lena',
  'Maria',
  'John',
  'Jana',
  'Rene',
  'Aiko',
  'Priya',
  'Tom',
  'Sara',
  'Luca',
  'Nina',
  'Ivan',
  'Emma',
  'Noah',
];
const LAST = [
  'Roe',
  'Haddad',
  'Fischer',
  'Garcia',
  'Doe',
  'Rossler',
  'Muller',
  'Tanaka',
  'Patel',
  'Brown',
  'Novak',
  'Rossi',
  'Berg',
  'Petrov',
  'Kim',
  'Silva',
];

/** Candidate n's primary address; candidate ids in a generated library are 1..count in this order. */
export function candidateAddress(n: number): string {
  return `c${n}@candidates.example`;
}

export function candidateName(n: number): string {
  return `${FIRST[n % FIRST.length]} ${LAST[Math.floor(n / FIRST.length) % LAST.length]} ${n}`;
}

/** How many library candidates the generated mailbox writes with (ids 1..this). */
export const MAIL_CANDIDATES = 2000;
